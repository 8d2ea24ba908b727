// The Administration API's permission matrix, from one table: every operation
// x every single-permission token, plus a token with all permissions, a
// cluster client's token, an expired token, a token signed by another key and
// no token. Exactly the operation's own permission (or all) gets through;
// everything else is refused (401 or 403) with the organization's data
// unchanged. Every response is checked against the OpenAPI document.
import { generateKeyPair, SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OPERATIONS } from "@/lib/admin-api/operations";
import { createAdminClient } from "@/lib/api-clients/create-admin-client";
import { createClient } from "@/lib/api-clients/create-client";
import { ADMIN_PERMISSIONS, ADMIN_SCOPE, type AdminPermissionName } from "@cluster-console/credentials";
import { createCluster } from "@/lib/clusters/create-cluster";
import { createConnectorSecret } from "@/lib/connector-secrets/connector-secrets";
import { signJwt } from "@cluster-console/auth-server/testing";
import type { Principal } from "@/lib/auth/principal";
import { makeMember, uniq } from "@/tests/support/factories";
import { postForm, TEST_ISSUER, testIp } from "@/tests/support/oauth-factories";
import { adminToken, callApi, startAdminApiServer, type AdminApiServer } from "@/tests/support/admin-api";
import { orgSnapshot } from "./org-snapshot";

let server: AdminApiServer;
beforeAll(async () => {
  server = await startAdminApiServer();
});
afterAll(() => server.close());

/** Fresh targets for one request: a cluster, a client and a connector secret on it, a developer to change or remove. */
async function targets(owner: Principal) {
  const cluster = await createCluster(owner, { name: `m-${uniq()}`, region: "bru-2" });
  const client = await createClient(owner, { clusterId: cluster.id, name: `c-${uniq()}`, scopes: ["ZEEBE"] });
  const dev = await makeMember("DEVELOPER", { id: owner.organizationId, name: "x" });
  await createConnectorSecret(owner, { clusterId: cluster.id, name: "MATRIX_TOKEN", value: "matrix-value" });
  return { clusterUuid: cluster.id, clientId: client.clientId, clientSecret: client.clientSecret, email: dev.email, secretName: "MATRIX_TOKEN", clientUuid: "m1", backupId: "b1" };
}

/** A valid request for each operation, and the status it gets when permitted. */
const REQUESTS: Record<string, { body?: (t: Awaited<ReturnType<typeof targets>>) => unknown; ok: number }> = {
  GetClusters: { ok: 200 },
  CreateCluster: { body: () => ({ name: `new-${uniq()}`, regionId: "bru-2" }), ok: 200 },
  GetParameters: { ok: 200 },
  GetCluster: { ok: 200 },
  UpdateCluster: { body: () => ({ name: `renamed-${uniq()}` }), ok: 204 },
  DeleteCluster: { ok: 204 },
  GetClients: { ok: 200 },
  CreateClient: { body: () => ({ clientName: `made-${uniq()}` }), ok: 200 },
  GetClient: { ok: 200 },
  UpdateClient: { body: () => ({ name: `edited-${uniq()}`, description: "matrix" }), ok: 200 },
  DeleteClient: { ok: 204 },
  RotateClient: { body: () => ({ gracePeriod: "1h" }), ok: 200 },
  GetMembers: { ok: 200 },
  UpdateMembers: { body: () => ({ orgRoles: ["visitor"] }), ok: 204 },
  DeleteMember: { ok: 204 },
  GetJson: { ok: 200 },
  GetCsv: { ok: 200 },
  GetSecrets: { ok: 200 },
  CreateSecret: { body: () => ({ secretName: `S_${uniq()}`, secretValue: "v" }), ok: 204 },
  UpdateSecret: { body: () => ({ secretValue: "replaced" }), ok: 204 },
  DeleteSecret: { ok: 204 },
  UpdateIpAllowlist: { body: () => ({ ipallowlist: [{ ip: "10.0.0.0/8", description: "matrix" }] }), ok: 204 },
  UpdateIpWhitelist: { body: () => ({ ipwhitelist: [{ ip: "10.0.0.0/8", description: "matrix" }] }), ok: 204 },
  GetMeta: { ok: 200 },
  // Cluster-only operations: the documented 501 for whoever may ask.
  UpgradeCluster: { ok: 501 },
  Wake: { ok: 501 },
  GetSecureConnectivityStatus: { ok: 501 },
  ActivateSecureConnectivity: { body: () => ({ allowedPrincipals: [], regions: [] }), ok: 501 },
  DeactivateSecureConnectivity: { ok: 501 },
  ActivateMonitoring: { ok: 501 },
  DeactivateMonitoring: { ok: 501 },
  GetMonitoringClients: { ok: 501 },
  CreateMonitoringClient: { body: () => ({ username: "grafana" }), ok: 501 },
  RotateMonitoringClientPassword: { ok: 501 },
  DeleteMonitoringClient: { ok: 501 },
  GetBackups: { ok: 501 },
  CreateBackup: { ok: 501 },
  DeleteBackup: { ok: 501 },
  // The target client's live secret: only a permitted token may get it revoked (the snapshot shows refusals change nothing).
  ReportLeakedSecret: { body: (t) => ({ secret: t.clientSecret, url: "https://example.com/leak" }), ok: 200 },
};

export const MATRIX_CELLS = OPERATIONS.length * (ADMIN_PERMISSIONS.length + 5);

describe("permission matrix", () => {
  it("covers every operation", () => {
    expect(Object.keys(REQUESTS).sort()).toEqual(OPERATIONS.map((o) => o.operationId).sort());
  });

  it(`every operation x every token: only its own permission gets through (${MATRIX_CELLS} cells)`, async () => {
    const owner = await makeMember("OWNER");
    const tokens = new Map<string, string>();
    for (const p of ADMIN_PERMISSIONS) {
      const c = await createAdminClient(owner, { name: `only-${p}`, permissions: [p] });
      tokens.set(p, await adminToken(server, c.clientId, c.clientSecret));
    }
    const all = await createAdminClient(owner, { name: "all", permissions: [...ADMIN_PERMISSIONS] });
    tokens.set("ALL", await adminToken(server, all.clientId, all.clientSecret));

    // Tokens that must never get through.
    const ring = await server.runtime.ctx.keys.current();
    const now = Math.floor(Date.now() / 1000);
    const claims = { iss: TEST_ISSUER, sub: all.clientId, aud: `${TEST_ISSUER}/api/admin/v1`, organization_id: owner.organizationId, scope: ADMIN_PERMISSIONS.map((p) => ADMIN_SCOPE[p]).join(" ") };
    const { privateKey } = await generateKeyPair("RS256");
    const setup = await targets(owner);
    const worker = await createClient(owner, { clusterId: setup.clusterUuid, name: "worker", scopes: ["ZEEBE"] });
    const workerRes = await postForm(server.url, { grant_type: "client_credentials", client_id: worker.clientId, client_secret: worker.clientSecret }, { "x-forwarded-for": testIp() });
    const refused: [string, string | null][] = [
      ["no token", null],
      ["expired", await signJwt(ring.active, { ...claims, iat: now - 7200, exp: now - 10 })],
      ["another key", await new SignJWT(claims).setProtectedHeader({ alg: "RS256", kid: ring.active.kid }).setIssuedAt().setExpirationTime("1h").sign(privateKey)],
      ["cluster client", ((await workerRes.json()) as { access_token: string }).access_token],
    ];

    let cells = 0;
    for (const op of OPERATIONS) {
      const req = REQUESTS[op.operationId]!;
      const t = await targets(owner);
      const before = await orgSnapshot(owner.organizationId);
      for (const [label, token] of refused) {
        const r = await callApi(server, token, op.method, op.path, t, req.body?.(t));
        expect(r.status, `${op.operationId} with ${label}`).toBe(401);
        cells++;
      }
      for (const p of ADMIN_PERMISSIONS) {
        if (p === op.permission) continue;
        const r = await callApi(server, tokens.get(p)!, op.method, op.path, t, req.body?.(t));
        expect(r.status, `${op.operationId} with only ${p}`).toBe(403);
        cells++;
      }
      expect(await orgSnapshot(owner.organizationId), `${op.operationId}: refused requests wrote nothing`).toBe(before);
      const own = await callApi(server, tokens.get(op.permission as AdminPermissionName)!, op.method, op.path, t, req.body?.(t));
      expect(own.status, `${op.operationId} with ${op.permission}`).toBe(req.ok);
      const t2 = await targets(owner);
      const withAll = await callApi(server, tokens.get("ALL")!, op.method, op.path, t2, req.body?.(t2));
      expect(withAll.status, `${op.operationId} with all permissions`).toBe(req.ok);
      cells += 2;
    }
    expect(cells).toBe(MATRIX_CELLS);
  }, 180_000);
});
