// Administration API credentials against the real database and token
// endpoint: create, list, rotate, revoke with audit events; tokens for the
// Administration API audience with permissions as scopes; the two kinds of
// client never cross; a revoked admin client's token is refused at once.
import { jwtVerify, } from "jose";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createAdminClient } from "@/lib/api-clients/create-admin-client";
import { listAdminClients } from "@/lib/api-clients/list-admin-clients";
import { rotateClientSecret } from "@/lib/api-clients/rotate-client-secret";
import { revokeClient } from "@/lib/api-clients/revoke-client";
import { createClient } from "@/lib/api-clients/create-client";
import { isWellFormedClientId, isWellFormedSecret } from "@cluster-console/credentials/secrets";
import { verifyAdminToken } from "@cluster-console/auth-server";
import { AppError } from "@/lib/errors";
import { makeMember } from "@/tests/support/factories";
import { postForm, oauthServerForFile, TEST_ISSUER, testIp, } from "@/tests/support/oauth-factories";
import { makeClusterWithOwner, snapshot } from "../api-clients/helpers";

const oauth = oauthServerForFile();

const ADMIN_AUDIENCE = `${TEST_ISSUER}/api/admin/v1`;
const ip = () => ({ "x-forwarded-for": testIp() });
const token = async (clientId: string, secret: string, extra: Record<string, string> = {}) => {
  const res = await postForm(oauth.server.url, { grant_type: "client_credentials", client_id: clientId, client_secret: secret, ...extra }, ip());
  return { status: res.status, body: (await res.json()) as { access_token?: string; scope?: string; error?: string } };
};

describe("Administration API credentials", () => {
  it("creates organization-level credentials with a hashed secret and an audit event", async () => {
    const owner = await makeMember("OWNER");
    const created = await createAdminClient(owner, { name: "Terraform", permissions: ["CLUSTERS_GET", "CLIENTS_CREATE"] });
    expect(isWellFormedClientId(created.clientId)).toBe(true);
    expect(isWellFormedSecret(created.clientSecret)).toBe(true);
    const row = await db().apiClient.findUniqueOrThrow({ where: { clientId: created.clientId } });
    expect(row).toMatchObject({ clusterId: null, scopes: [], adminPermissions: ["CLUSTERS_GET", "CLIENTS_CREATE"], createdByEmail: owner.email });
    const events = await db().auditEvent.findMany({ where: { organizationId: owner.organizationId, action: "admin_client.created" } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ targetType: "admin_client", targetId: created.clientId, clusterId: null, actorEmail: owner.email });
    expect(JSON.stringify(events[0]!.metadata)).not.toContain(created.clientSecret);

    const list = await listAdminClients(owner.organizationId);
    expect(list.map((c) => [c.name, c.status, c.permissions])).toEqual([["Terraform", "active", ["CLUSTERS_GET", "CLIENTS_CREATE"]]]);
    expect(list[0]!.secretHint).toBe(created.clientSecret.slice(-4));
    expect(JSON.stringify(list)).not.toContain(created.clientSecret);
  });

  it("refuses a duplicate name (any case) and writes nothing; other organizations may reuse it", async () => {
    const owner = await makeMember("ADMIN");
    await createAdminClient(owner, { name: "CI", permissions: ["CLUSTERS_GET"] });
    const before = await snapshot(owner.organizationId);
    const err = await createAdminClient(owner, { name: "ci", permissions: ["CLUSTERS_GET"] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).fieldErrors?.name?.[0]).toContain("already exist");
    expect(await snapshot(owner.organizationId)).toBe(before);
    // Concurrent creations with one name: exactly one wins.
    const results = await Promise.allSettled(
      Array.from({ length: 6 }, () => createAdminClient(owner, { name: "race", permissions: ["ACTIVITY_GET"] })),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const other = await makeMember("OWNER");
    await expect(createAdminClient(other, { name: "CI", permissions: ["CLUSTERS_GET"] })).resolves.toBeTruthy();
  });

  it("rotates with a grace period and revokes, as admin_client events; cluster actions cannot reach it", async () => {
    const { owner, cluster } = await makeClusterWithOwner();
    const created = await createAdminClient(owner, { name: "rotating", permissions: ["CLUSTERS_GET"] });
    // The cluster-client path (a cluster's ID) does not find an admin client.
    await expect(rotateClientSecret(owner, { clusterId: cluster.id, clientId: created.clientId, grace: "now" })).rejects.toMatchObject({
      code: "not_found",
    });
    const rotated = await rotateClientSecret(owner, { clusterId: null, clientId: created.clientId, grace: "1h" });
    expect(rotated.previousSecretExpiresAt).toBeInstanceOf(Date);
    expect((await token(created.clientId, created.clientSecret)).status).toBe(200);
    expect((await token(created.clientId, rotated.clientSecret)).status).toBe(200);
    const [view] = await listAdminClients(owner.organizationId);
    expect(view!.status).toBe("rotating");

    await revokeClient(owner, { clusterId: null, clientId: created.clientId });
    expect((await token(created.clientId, rotated.clientSecret)).status).toBe(401);
    const actions = (await db().auditEvent.findMany({ where: { organizationId: owner.organizationId }, orderBy: { id: "asc" } })).map((e) => e.action);
    expect(actions).toEqual(["cluster.created", "admin_client.created", "admin_client.secret_rotated", "admin_client.revoked"]);
    expect((await listAdminClients(owner.organizationId))[0]!.status).toBe("revoked");
    // The admin path cannot reach a cluster client either.
    const cc = await createClient(owner, { clusterId: cluster.id, name: "worker", scopes: ["ZEEBE"] });
    await expect(revokeClient(owner, { clusterId: null, clientId: cc.clientId })).rejects.toMatchObject({ code: "not_found" });
  });

  it("the database keeps the two kinds apart", async () => {
    const { owner, cluster } = await makeClusterWithOwner();
    const base = { clientId: `x${Date.now()}`, organizationId: owner.organizationId, name: "bad", createdByEmail: "t@example.com" };
    await expect(db().apiClient.create({ data: { ...base, clusterId: cluster.id, scopes: ["ZEEBE"], adminPermissions: ["CLUSTERS_GET"] } })).rejects.toThrow();
    await expect(db().apiClient.create({ data: { ...base, clusterId: null, scopes: ["ZEEBE"], adminPermissions: ["CLUSTERS_GET"] } })).rejects.toThrow();
    await expect(db().apiClient.create({ data: { ...base, clusterId: null, scopes: [], adminPermissions: [] } })).rejects.toThrow();
  });
});

describe("tokens for the Administration API", () => {
  it("issues the API's audience with the permissions as scopes, also for Camunda's alias", async () => {
    const owner = await makeMember("OWNER");
    const c = await createAdminClient(owner, { name: "sdk", permissions: ["CLIENTS_DELETE", "CLUSTERS_GET", "CLIENTS_GET"] });
    for (const extra of [{}, { audience: "api.cloud.camunda.io" }, { audience: ADMIN_AUDIENCE }] as Record<string, string>[]) {
      const { status, body } = await token(c.clientId, c.clientSecret, extra);
      expect(status).toBe(200);
      expect(body.scope).toBe("get:clusters get:clients delete:clients");
      const { payload } = await jwtVerify(body.access_token!, oauth.jwks, { issuer: TEST_ISSUER, audience: ADMIN_AUDIENCE });
      expect(payload).toMatchObject({ sub: c.clientId, organization_id: owner.organizationId, scope: "get:clusters get:clients delete:clients" });
      expect(payload.cluster_id).toBeUndefined();
    }
    const narrowed = await token(c.clientId, c.clientSecret, { scope: "get:clusters" });
    expect(narrowed.body.scope).toBe("get:clusters");
    expect((await token(c.clientId, c.clientSecret, { scope: "create:clusters" })).body.error).toBe("invalid_scope");
    expect((await token(c.clientId, c.clientSecret, { scope: "Zeebe" })).body.error).toBe("invalid_scope");
  });

  it("never crosses: an admin client gets no cluster audience, a cluster client no admin audience", async () => {
    const { owner, cluster } = await makeClusterWithOwner();
    const admin = await createAdminClient(owner, { name: "adm", permissions: ["CLUSTERS_GET"] });
    for (const audience of ["zeebe.camunda.io", "zeebe.test.local", "operate.camunda.io"]) {
      const r = await token(admin.clientId, admin.clientSecret, { audience });
      expect([r.status, r.body.error]).toEqual([400, "unauthorized_client"]);
    }
    const worker = await createClient(owner, { clusterId: cluster.id, name: "w", scopes: ["ZEEBE", "OPERATE"] });
    for (const audience of ["api.cloud.camunda.io", ADMIN_AUDIENCE]) {
      const r = await token(worker.clientId, worker.clientSecret, { audience });
      expect([r.status, r.body.error]).toEqual([400, "unauthorized_client"]);
    }
    // And a cluster token does not pass the Administration API's check.
    const zeebe = await token(worker.clientId, worker.clientSecret);
    expect(await verifyAdminToken(oauth.server.runtime.ctx, `Bearer ${zeebe.body.access_token}`)).toEqual({ ok: false, reason: "invalid" });
  });

  it("the API's check accepts a live admin client's token and refuses it once the client is revoked", async () => {
    const owner = await makeMember("OWNER");
    const c = await createAdminClient(owner, { name: "revoke-me", permissions: ["CLUSTERS_GET", "ACTIVITY_GET"] });
    const t = (await token(c.clientId, c.clientSecret, { scope: "get:clusters" })).body.access_token!;
    const ok = await verifyAdminToken(oauth.server.runtime.ctx, `Bearer ${t}`);
    expect(ok).toMatchObject({ ok: true, permissions: ["CLUSTERS_GET"] });
    expect(await verifyAdminToken(oauth.server.runtime.ctx, null)).toEqual({ ok: false, reason: "missing" });
    // One character too many: not the canonical base64url of any signature, so malformed.
    expect(await verifyAdminToken(oauth.server.runtime.ctx, `Bearer ${t}x`)).toEqual({ ok: false, reason: "malformed" });
    expect(await verifyAdminToken(oauth.server.runtime.ctx, "Basic abc")).toEqual({ ok: false, reason: "malformed" });
    await revokeClient(owner, { clusterId: null, clientId: c.clientId });
    await new Promise((r) => setTimeout(r, 50));
    expect(await verifyAdminToken(oauth.server.runtime.ctx, `Bearer ${t}`)).toEqual({ ok: false, reason: "invalid" });
  });
});
