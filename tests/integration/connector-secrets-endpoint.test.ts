// The connector runtime's Secrets endpoint (GET /cluster-api/secrets), as
// Camunda's console secret provider calls it: configured from a
// Secrets-scoped client's credentials file (properties), it gets a token at
// the file's token URL for the file's Secrets audience with the client's ID
// and secret, then GETs the file's endpoint and reads { NAME: value }. The
// client gets its own cluster's values and nothing else; a client without the
// Secrets scope, another cluster's client, an Administration API token, a
// revoked client and no token get nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { shareRuntime } from "@cluster-console/auth-server";
import { clusterAddresses } from "@cluster-console/credentials";
import { createCluster } from "@/lib/clusters/create-cluster";
import { createClient } from "@/lib/api-clients/create-client";
import { createAdminClient } from "@/lib/api-clients/create-admin-client";
import { revokeClient } from "@/lib/api-clients/revoke-client";
import { updateClient } from "@/lib/api-clients/update-client";
import { createConnectorSecret } from "@/lib/connector-secrets/connector-secrets";
import { propertiesFile } from "@/lib/api-clients/credentials-file";
import { GET } from "@/app/cluster-api/secrets/route";
import { makeMember, uniq } from "@/tests/support/factories";
import { NOTIFIED, postForm, startOAuthServer, TEST_ISSUER, testIp, testSettings, type TestServer } from "@/tests/support/oauth-factories";

let server: TestServer;
beforeAll(async () => {
  // Camunda's default audience names, as a console with CLUSTER_DOMAIN=camunda.io has them.
  server = await startOAuthServer(testSettings({ audiences: { ZEEBE: "zeebe.camunda.io", TASKLIST: "tasklist.camunda.io", OPERATE: "operate.camunda.io", OPTIMIZE: "optimize.camunda.io", SECRETS: "secrets.camunda.io" } }));
  // The route handler uses the process's authorization server, as under scripts/serve.ts.
  shareRuntime(server.runtime);
});
afterAll(() => server.close());

/** The properties the connector runtime reads, from the client's downloaded file. */
function runtimeConfig(c: { clientId: string; clientSecret: string; name: string; scopes: ("ZEEBE" | "TASKLIST" | "OPERATE" | "OPTIMIZE" | "SECRETS")[] }, cluster: { id: string; region: string }) {
  const file = propertiesFile({ ...c, cluster, addresses: clusterAddresses(cluster, { CLUSTER_DOMAIN: "camunda.io", PUBLIC_URL: TEST_ISSUER }) });
  return Object.fromEntries(
    file
      .split("\n")
      .filter((l) => l && !l.startsWith("#"))
      .map((l) => [l.slice(0, l.indexOf("=")), l.slice(l.indexOf("=") + 1)]),
  ) as Record<string, string>;
}

/** What ConsoleSecretApiClient + JwtAuthentication do: a token for the configured audience, then GET the endpoint. */
async function asConnectorRuntime(props: Record<string, string>) {
  const tokenUrl = new URL(props["camunda.client.auth.token-url"]!);
  expect(tokenUrl.origin).toBe(TEST_ISSUER);
  const res = await postForm(
    server.url,
    {
      grant_type: "client_credentials",
      client_id: props["camunda.client.auth.client-id"]!,
      client_secret: props["camunda.client.auth.client-secret"]!,
      audience: props["camunda.connector.secretprovider.console.audience"]!,
    },
    { "x-forwarded-for": testIp() },
  );
  const token = ((await res.json()) as { access_token?: string }).access_token;
  return readSecrets(props["camunda.connector.secretprovider.console.endpoint"]!, token);
}

async function readSecrets(endpoint: string, token: string | undefined) {
  const res = await GET(new Request(endpoint, { headers: token ? { authorization: `Bearer ${token}` } : {} }));
  return { status: res.status, body: (await res.json()) as Record<string, string> };
}

async function tokenFor(clientId: string, clientSecret: string, audience: string) {
  const res = await postForm(server.url, { grant_type: "client_credentials", client_id: clientId, client_secret: clientSecret, audience }, { "x-forwarded-for": testIp() });
  return ((await res.json()) as { access_token?: string }).access_token;
}

describe("the Secrets endpoint", () => {
  it("a connector runtime configured from a Secrets-scoped client's file reads its cluster's secrets, values included", async () => {
    const owner = await makeMember("OWNER");
    const cluster = await createCluster(owner, { name: `c-${uniq()}`, region: "bru-2" });
    await createConnectorSecret(owner, { clusterId: cluster.id, name: "SLACK_TOKEN", value: "xoxb-runtime" });
    await createConnectorSecret(owner, { clusterId: cluster.id, name: "db.password", value: "p@ss w0rd\nline two" });
    const c = await createClient(owner, { clusterId: cluster.id, name: "connectors", scopes: ["ZEEBE", "TASKLIST", "OPERATE", "SECRETS"] });
    const props = runtimeConfig({ ...c, scopes: c.scopes }, cluster);
    expect(props["camunda.connector.secretprovider.console.endpoint"]).toBe(`${TEST_ISSUER}/cluster-api/secrets`);
    const got = await asConnectorRuntime(props);
    expect(got).toEqual({ status: 200, body: { "db.password": "p@ss w0rd\nline two", SLACK_TOKEN: "xoxb-runtime" } });
    // What {{secrets.SLACK_TOKEN}} resolves to in a connector.
    expect(got.body.SLACK_TOKEN).toBe("xoxb-runtime");
  });

  it("refuses a client without the Secrets scope, another cluster's values are never in a client's answer, and no token gets nothing", async () => {
    const owner = await makeMember("OWNER");
    const mine = await createCluster(owner, { name: `c-${uniq()}`, region: "bru-2" });
    const theirs = await createCluster(owner, { name: `c-${uniq()}`, region: "bru-2" });
    await createConnectorSecret(owner, { clusterId: mine.id, name: "MINE", value: "mine-value" });
    await createConnectorSecret(owner, { clusterId: theirs.id, name: "THEIRS", value: "theirs-value" });
    const noScope = await createClient(owner, { clusterId: mine.id, name: "worker", scopes: ["ZEEBE", "TASKLIST", "OPERATE"] });
    // It cannot even get a token for the Secrets audience...
    expect(await tokenFor(noScope.clientId, noScope.clientSecret, "secrets.camunda.io")).toBeUndefined();
    // ...and its Zeebe token reads nothing.
    const zeebe = await tokenFor(noScope.clientId, noScope.clientSecret, "zeebe.camunda.io");
    expect(await readSecrets(`${TEST_ISSUER}/cluster-api/secrets`, zeebe)).toMatchObject({ status: 401 });
    const other = await createClient(owner, { clusterId: theirs.id, name: "their-connectors", scopes: ["SECRETS"] });
    const theirToken = await tokenFor(other.clientId, other.clientSecret, "secrets.camunda.io");
    expect(await readSecrets(`${TEST_ISSUER}/cluster-api/secrets`, theirToken)).toEqual({ status: 200, body: { THEIRS: "theirs-value" } });
    expect(await readSecrets(`${TEST_ISSUER}/cluster-api/secrets`, undefined)).toMatchObject({ status: 401 });
    expect(await readSecrets(`${TEST_ISSUER}/cluster-api/secrets`, "not-a-jwt")).toMatchObject({ status: 401 });
    // An Administration API token is not a cluster's.
    const admin = await createAdminClient(owner, { name: `a-${uniq()}`, permissions: ["SECRETS_GET"] });
    const adminToken = await tokenFor(admin.clientId, admin.clientSecret, `${TEST_ISSUER}/api/admin/v1`);
    expect(adminToken).toBeDefined();
    const refused = await readSecrets(`${TEST_ISSUER}/cluster-api/secrets`, adminToken);
    expect(refused.status).toBe(401);
    expect(JSON.stringify(refused.body)).not.toContain("value");
  });

  it("a token stops reading once its client loses the Secrets scope or is revoked", async () => {
    const owner = await makeMember("OWNER");
    const cluster = await createCluster(owner, { name: `c-${uniq()}`, region: "bru-2" });
    await createConnectorSecret(owner, { clusterId: cluster.id, name: "K", value: "v" });
    const c = await createClient(owner, { clusterId: cluster.id, name: "connectors", scopes: ["SECRETS", "OPTIMIZE"] });
    const token = await tokenFor(c.clientId, c.clientSecret, "secrets.camunda.io");
    expect((await readSecrets(`${TEST_ISSUER}/cluster-api/secrets`, token)).status).toBe(200);
    await updateClient(owner, { clusterId: cluster.id, clientId: c.clientId, scopes: ["OPTIMIZE"] });
    await expect.poll(async () => (await readSecrets(`${TEST_ISSUER}/cluster-api/secrets`, token)).status, NOTIFIED).toBe(403);
    await updateClient(owner, { clusterId: cluster.id, clientId: c.clientId, scopes: ["OPTIMIZE", "SECRETS"] });
    await expect.poll(async () => (await readSecrets(`${TEST_ISSUER}/cluster-api/secrets`, token)).status, NOTIFIED).toBe(200);
    await revokeClient(owner, { clusterId: cluster.id, clientId: c.clientId });
    await expect.poll(async () => (await readSecrets(`${TEST_ISSUER}/cluster-api/secrets`, token)).status, NOTIFIED).toBe(401);
  });
});
