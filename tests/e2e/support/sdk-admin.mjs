// Runs inside a shell that has `source`d a downloaded Administration API
// credentials file: the official Camunda SDK's admin client, configured from
// the environment alone, lists clusters, creates a client on the given
// cluster, lists it, reads its connection details and deletes it. The new
// client gets a Zeebe token (through the SDK) before the delete; after it, the
// token endpoint refuses the same credentials. Prints the results as JSON.
import { Auth, Camunda8 } from "@camunda8/sdk";

const clusterUuid = process.argv[2];
const admin = new Camunda8().getAdminApiClient();

const clusters = await admin.getClusters();
const created = await admin.createClient({ clusterUuid, clientName: "made-by-the-sdk", permissions: ["Zeebe"] });
const listed = await admin.getClients(clusterUuid);
const details = await admin.getClient(clusterUuid, created.clientId);

const zeebe = new Auth.OAuthProvider({
  config: {
    CAMUNDA_OAUTH_URL: details.ZEEBE_AUTHORIZATION_SERVER_URL,
    ZEEBE_CLIENT_ID: created.clientId,
    ZEEBE_CLIENT_SECRET: created.clientSecret,
    CAMUNDA_ZEEBE_OAUTH_AUDIENCE: details.ZEEBE_TOKEN_AUDIENCE,
    CAMUNDA_TOKEN_DISK_CACHE_DISABLE: true,
  },
});
const zeebeToken = (await zeebe.getHeaders("ZEEBE")).authorization;

await admin.deleteClient(clusterUuid, created.clientId);
const after = await admin.getClients(clusterUuid);
const refused = await fetch(details.ZEEBE_AUTHORIZATION_SERVER_URL, {
  method: "POST",
  headers: { "content-type": "application/x-www-form-urlencoded" },
  body: new URLSearchParams({ grant_type: "client_credentials", client_id: created.clientId, client_secret: created.clientSecret }),
});

console.log(
  JSON.stringify({
    clusters: clusters.map((c) => c.uuid),
    created: { clientId: created.clientId, hasSecret: typeof created.clientSecret === "string", permissions: created.permissions },
    listed,
    details,
    zeebeToken,
    after,
    refusedStatus: refused.status,
  }),
);
