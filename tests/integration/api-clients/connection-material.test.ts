// Connection material that fits the client: a client without the Zeebe
// scope gets files and snippets that ask for its own API's audience (and the
// real token endpoint grants it), snippets name the file the download saves,
// and names without Latin letters still get distinct file names.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ClientScopeName, clusterAddresses } from "@cluster-console/credentials";
import { credentialVariables, credentialsFile, credentialsFileName, primaryScope } from "@/lib/api-clients/credentials-file";
import { connectionSnippets } from "@/lib/api-clients/connection-snippets";
import { createClient } from "@/lib/api-clients/create-client";
import { postForm, startOAuthServer, testIp, type TestServer } from "@/tests/support/oauth-factories";
import { makeClusterWithOwner } from "./helpers";

let server: TestServer;
beforeAll(async () => {
  server = await startOAuthServer();
});
afterAll(() => server.close());

const cluster = { id: "0f8a1d5e-1c7b-4e0a-9d33-6a2b8f1c2d3e", region: "bru-2" };
const addresses = clusterAddresses(cluster, { CLUSTER_DOMAIN: "camunda.io", PUBLIC_URL: "https://console.example.com" });
const input = (scopes: ClientScopeName[], name = "task app", clientId = "AbCdEfGhIjKlMnOpQrStUvWxYz012345") => ({
  clientId,
  clientSecret: "<secret>",
  name,
  scopes,
  cluster,
  addresses,
});
const allCode = (scopes: ClientScopeName[], fileName?: string) =>
  connectionSnippets({ cluster, addresses, clientId: "id", clientSecret: "s", scopes, fileName })
    .flatMap((t) => t.snippets.map((s) => `${s.caption ?? ""}\n${s.code}`))
    .join("\n");

describe("connection material fits the client's scopes", () => {
  it("a Tasklist-only client: its own audience, no Zeebe address, no Zeebe-only tabs", () => {
    const c = input(["TASKLIST"]);
    expect(primaryScope(c.scopes)).toBe("TASKLIST");
    const env = Object.fromEntries(credentialVariables(c));
    expect(env.ZEEBE_TOKEN_AUDIENCE).toBe("tasklist.camunda.io");
    expect(env.CAMUNDA_TOKEN_AUDIENCE).toBe("tasklist.camunda.io");
    expect(env.CAMUNDA_TASKLIST_BASE_URL).toBe(addresses.tasklistUrl);
    for (const k of ["ZEEBE_ADDRESS", "ZEEBE_REST_ADDRESS", "ZEEBE_GRPC_ADDRESS", "CAMUNDA_REST_ADDRESS", "CAMUNDA_GRPC_ADDRESS"]) expect(env[k]).toBeUndefined();
    const props = credentialsFile(c, "properties").content;
    expect(props).toContain("camunda.client.auth.audience=tasklist.camunda.io");
    expect(props).not.toContain("grpc-address");
    const json = JSON.parse(credentialsFile(c, "json").content);
    expect(json).toMatchObject({ tokenAudience: "tasklist.camunda.io", tasklistBaseUrl: addresses.tasklistUrl });
    expect(json.zeebeAddress).toBeUndefined();

    const tabs = connectionSnippets({ cluster, addresses, scopes: ["TASKLIST"] });
    expect(tabs.map((t) => t.id)).toEqual(["shell", "node"]);
    const code = allCode(["TASKLIST"]);
    expect(code).not.toMatch(/zeebe\.camunda\.io|ZEEBE_REST_ADDRESS|ZEEBE_ADDRESS=/);
    expect(code).toContain('"$CAMUNDA_TASKLIST_BASE_URL/v1/tasks/search"');
  });

  it("a Zeebe client keeps the Zeebe audience and every tab; an Operate+Optimize client talks to Operate", () => {
    expect(Object.fromEntries(credentialVariables(input(["ZEEBE", "TASKLIST"]))).ZEEBE_TOKEN_AUDIENCE).toBe("zeebe.camunda.io");
    expect(connectionSnippets({ cluster, addresses, scopes: ["ZEEBE"] }).map((t) => t.id)).toEqual(["shell", "node", "java", "spring", "zbctl"]);
    expect(Object.fromEntries(credentialVariables(input(["OPTIMIZE", "OPERATE"]))).ZEEBE_TOKEN_AUDIENCE).toBe("operate.camunda.io");
    expect(allCode(["SECRETS"])).not.toContain("zeebe.camunda.io");
  });

  it("snippets name the file the download saves", () => {
    const c = input(["ZEEBE"], "Orders Worker");
    const fileName = credentialsFile(c, "env").fileName;
    expect(fileName).toBe("credentials-orders-worker.env");
    const code = allCode(["ZEEBE"], fileName);
    expect(code).toContain("source credentials-orders-worker.env");
    expect(code).not.toMatch(/source credentials\.env/);
    // Where no client is shown, the pattern, never a file that does not exist.
    expect(allCode(["ZEEBE"])).toContain("source credentials-<client-name>.env");
  });

  it("names without Latin letters get distinct file names from their client IDs", () => {
    const a = credentialsFile(input(["ZEEBE"], "注文ワーカー", "Qx7Lm2Np9Rs4Tv6Wy8Za1Bc3De5Fg7Hj"), "env").fileName;
    const b = credentialsFile(input(["ZEEBE"], "請求ワーカー", "Kp3Mn5Qr7St9Uv1Wx3Yz5Ab7Cd9Ef1Gh"), "env").fileName;
    expect(a).toBe("credentials-client-qx7lm2np.env");
    expect(b).toBe("credentials-client-kp3mn5qr.env");
    expect(credentialsFileName("✓✓", "json", "Zz9Yy8Xx7Ww6Vv5Uu4Tt3Ss2Rr1Qq0Pp")).toBe("credentials-client-zz9yy8xx.json");
  });
});

describe("the material works against the real token endpoint", () => {
  for (const scopes of [["TASKLIST"], ["OPERATE"], ["OPTIMIZE", "SECRETS"], ["ZEEBE", "OPERATE"]] as ClientScopeName[][]) {
    it(`a ${scopes.join("+")} client gets a token with the audience its file names`, async () => {
      const { owner, cluster: own } = await makeClusterWithOwner();
      const c = await createClient(owner, { clusterId: own.id, name: `m-${scopes.join("-")}`, scopes });
      const env = Object.fromEntries(
        credentialVariables({ ...c, cluster: { id: own.id, region: own.region }, addresses: clusterAddresses(own, { CLUSTER_DOMAIN: "camunda.io", PUBLIC_URL: "http://localhost:3999" }) }),
      );
      const res = await postForm(
        server.url,
        { grant_type: "client_credentials", audience: env.ZEEBE_TOKEN_AUDIENCE!, client_id: env.ZEEBE_CLIENT_ID!, client_secret: env.ZEEBE_CLIENT_SECRET! },
        { "x-forwarded-for": testIp() },
      );
      expect(res.status).toBe(200);
      if (!scopes.includes("ZEEBE")) {
        // What the file used to say: the Zeebe audience, refused for this client.
        const old = await postForm(
          server.url,
          { grant_type: "client_credentials", audience: "zeebe.camunda.io", client_id: c.clientId, client_secret: c.clientSecret },
          { "x-forwarded-for": testIp() },
        );
        expect(old.status).toBe(400);
      }
    });
  }
});
