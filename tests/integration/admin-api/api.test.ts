// The Administration API over HTTP against a real PostgreSQL: every operation's
// happy path through the same domain functions as the console (audit events
// with the admin client as actor), the 401/403/404/400 rules, tenancy, the
// per-client rate limit, and a revoked admin client refused on its next
// request. Every response is checked against the generated OpenAPI document.
import { generateKeyPair, SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createInvitation } from "@/lib/invitations/create-invitation";
import { createAdminClient } from "@/lib/api-clients/create-admin-client";
import { revokeClient } from "@/lib/api-clients/revoke-client";
import { createClient } from "@/lib/api-clients/create-client";
import { createCluster } from "@/lib/clusters/create-cluster";
import { ADMIN_PERMISSIONS, type AdminPermissionName } from "@cluster-console/credentials";
import { signJwt } from "@cluster-console/auth-server/testing";
import { makeMember, uniq } from "@/tests/support/factories";
import { NOTIFIED, postForm, TEST_ISSUER, testIp, testSettings } from "@/tests/support/oauth-factories";
import { adminToken, callApi, startAdminApiServer, type AdminApiServer } from "@/tests/support/admin-api";
import { snapshot } from "../api-clients/helpers";

let server: AdminApiServer;
beforeAll(async () => {
  server = await startAdminApiServer();
});
afterAll(() => server.close());

async function setup(permissions: AdminPermissionName[] = [...ADMIN_PERMISSIONS]) {
  const owner = await makeMember("OWNER");
  const cluster = await createCluster(owner, { name: `cluster-${uniq()}`, region: "bru-2" });
  const admin = await createAdminClient(owner, { name: `ci-${uniq()}`, permissions });
  const token = await adminToken(server, admin.clientId, admin.clientSecret);
  // The token request's last use is recorded off the request path: wait for it,
  // so a snapshot taken next does not race that write.
  await expect
    .poll(async () => (await db().apiClient.findFirstOrThrow({ where: { clientId: admin.clientId } })).lastUsedAt)
    .not.toBeNull();
  const call = <T = unknown>(method: string, path: string, params: Record<string, string> = {}, body?: unknown) =>
    callApi<T>(server, token, method, path, params, body);
  return { owner, cluster, admin, token, call };
}

type Cluster = { uuid: string; name: string; region: { uuid: string }; links: { zeebe: string; oauth: string } };

describe("clusters", () => {
  it("lists, creates, gets, renames and deletes, with audit events whose actor is the admin client", async () => {
    const { owner, cluster, admin, call } = await setup();
    const list = await call<Cluster[]>("GET", "/clusters");
    expect(list.status).toBe(200);
    expect(list.body.map((c) => c.uuid)).toEqual([cluster.id]);
    expect(list.body[0]!.links.zeebe).toBe(`${cluster.id}.bru-2.zeebe.camunda.io:443`);
    expect(list.body[0]!.links.oauth).toBe(`${TEST_ISSUER}/oauth/token`);

    const params = await call<{ regions: { uuid: string }[]; clusterPlanTypes: { uuid: string }[] }>("GET", "/clusters/parameters");
    expect(params.body.regions.map((r) => r.uuid)).toEqual(["bru-2", "jfk-1", "syd-1"]);

    const created = await call<{ clusterId: string }>("POST", "/clusters", {}, {
      name: "from-api",
      regionId: "jfk-1",
      planTypeId: params.body.clusterPlanTypes[0]!.uuid,
    });
    expect(created.status).toBe(200);
    const id = created.body.clusterId;
    const got = await call<Cluster>("GET", "/clusters/{clusterUuid}", { clusterUuid: id });
    expect([got.body.name, got.body.region.uuid]).toEqual(["from-api", "jfk-1"]);
    expect((await call("PATCH", "/clusters/{clusterUuid}", { clusterUuid: id }, { name: "renamed" })).status).toBe(204);
    expect((await call<Cluster>("GET", "/clusters/{clusterUuid}", { clusterUuid: id })).body.name).toBe("renamed");
    expect((await call("DELETE", "/clusters/{clusterUuid}", { clusterUuid: id })).status).toBe(204);
    expect((await call("GET", "/clusters/{clusterUuid}", { clusterUuid: id })).status).toBe(404);
    expect((await call("DELETE", "/clusters/{clusterUuid}", { clusterUuid: id })).status).toBe(404);

    const events = await db().auditEvent.findMany({ where: { organizationId: owner.organizationId, clusterId: id }, orderBy: { id: "asc" } });
    expect(events.map((e) => e.action)).toEqual(["cluster.created", "cluster.renamed", "cluster.deleted"]);
    for (const e of events) expect(e).toMatchObject({ actorId: null, actorClientId: admin.clientId, actorEmail: `${admin.name} (API client)` });
  });

  it("answers 400 naming each bad field, and writes nothing", async () => {
    const { owner, call } = await setup();
    const before = await snapshot(owner.organizationId);
    const bad = await call<{ errors: { pointer: string }[]; status: number }>("POST", "/clusters", {}, { name: "", regionId: 5 });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e) => e.pointer).sort()).toEqual(["#/name", "#/regionId"]);
    const region = await call<{ errors: { pointer: string }[] }>("POST", "/clusters", {}, { name: "ok", regionId: "mars-1" });
    expect([region.status, region.body.errors[0]!.pointer]).toEqual([400, "#/regionId"]);
    const plan = await call<{ errors: { pointer: string }[] }>("POST", "/clusters", {}, { name: "ok", regionId: "bru-2", planTypeId: "nope" });
    expect([plan.status, plan.body.errors[0]!.pointer]).toEqual([400, "#/planTypeId"]);
    const notJson = await call("POST", "/clusters", {}, "{not json");
    expect(notJson.status).toBe(400);
    expect((await call("PATCH", "/clusters/{clusterUuid}", { clusterUuid: "not-a-uuid" }, { name: "x" })).status).toBe(404);
    expect(await snapshot(owner.organizationId)).toBe(before);
    expect(await db().cluster.count({ where: { organizationId: owner.organizationId } })).toBe(1);
  });
});

describe("cluster clients", () => {
  it("creates (all permissions by default), lists, gets connection details, rotates and deletes", async () => {
    const { owner, cluster, admin, call } = await setup();
    const p = { clusterUuid: cluster.id };
    const created = await call<{ clientId: string; clientSecret: string; permissions: string[]; audience: string }>(
      "POST", "/clusters/{clusterUuid}/clients", p, { clientName: "orders-worker" },
    );
    expect(created.status).toBe(200);
    expect(created.body.permissions).toEqual(["Zeebe", "Tasklist", "Operate", "Optimize", "Secrets"]);
    expect(created.body.audience).toBe("zeebe.test.local");
    const narrow = await call<{ clientId: string; permissions: string[] }>("POST", "/clusters/{clusterUuid}/clients", p, {
      clientName: "reader",
      permissions: ["Operate", "Zeebe", "Operate"],
    });
    expect(narrow.body.permissions).toEqual(["Zeebe", "Operate"]);

    const list = await call<{ clientId: string; name: string; permissions: string[] }[]>("GET", "/clusters/{clusterUuid}/clients", p);
    expect(list.body).toEqual([
      expect.objectContaining({ clientId: created.body.clientId, name: "orders-worker", permissions: ["Zeebe", "Tasklist", "Operate", "Optimize", "Secrets"] }),
      expect.objectContaining({ clientId: narrow.body.clientId, name: "reader", permissions: ["Zeebe", "Operate"] }),
    ]);
    expect(JSON.stringify(list.body)).not.toContain(created.body.clientSecret);

    const details = await call<Record<string, string>>("GET", "/clusters/{clusterUuid}/clients/{clientId}", { ...p, clientId: narrow.body.clientId });
    expect(details.body).toMatchObject({
      name: "reader",
      ZEEBE_CLIENT_ID: narrow.body.clientId,
      ZEEBE_ADDRESS: `${cluster.id}.bru-2.zeebe.camunda.io:443`,
      ZEEBE_AUTHORIZATION_SERVER_URL: `${TEST_ISSUER}/oauth/token`,
    });
    expect(Object.keys(details.body).some((k) => k.includes("SECRET"))).toBe(false);

    // The created secret works at the token endpoint; a rotation keeps it for the grace period.
    const tokenFor = (secret: string) =>
      postForm(server.url, { grant_type: "client_credentials", client_id: created.body.clientId, client_secret: secret }, { "x-forwarded-for": testIp() });
    expect((await tokenFor(created.body.clientSecret)).status).toBe(200);
    const rotated = await call<{ clientSecret: string; previousSecretExpiresAt: string | null }>(
      "POST", "/clusters/{clusterUuid}/clients/{clientId}/rotate", { ...p, clientId: created.body.clientId }, { gracePeriod: "1h" },
    );
    expect(rotated.status).toBe(200);
    expect(rotated.body.previousSecretExpiresAt).not.toBeNull();
    expect((await tokenFor(rotated.body.clientSecret)).status).toBe(200);
    expect((await tokenFor(created.body.clientSecret)).status).toBe(200);

    expect((await call("DELETE", "/clusters/{clusterUuid}/clients/{clientId}", { ...p, clientId: created.body.clientId })).status).toBe(204);
    // Every instance stops accepting it once the deletion's notification arrives.
    await expect.poll(async () => (await tokenFor(rotated.body.clientSecret)).status, NOTIFIED).toBe(401);
    // Gone for the API: list, get, rotate and a second delete.
    expect((await call<unknown[]>("GET", "/clusters/{clusterUuid}/clients", p)).body).toHaveLength(1);
    for (const [method, path] of [
      ["GET", "/clusters/{clusterUuid}/clients/{clientId}"],
      ["DELETE", "/clusters/{clusterUuid}/clients/{clientId}"],
      ["POST", "/clusters/{clusterUuid}/clients/{clientId}/rotate"],
    ] as const) {
      expect((await call(method, path, { ...p, clientId: created.body.clientId }, method === "POST" ? {} : undefined)).status).toBe(404);
    }
    const actions = await db().auditEvent.findMany({ where: { organizationId: owner.organizationId, targetType: "api_client" }, orderBy: { id: "asc" } });
    expect(actions.map((e) => [e.action, e.actorClientId])).toEqual([
      ["client.created", admin.clientId],
      ["client.created", admin.clientId],
      ["client.secret_rotated", admin.clientId],
      ["client.revoked", admin.clientId],
    ]);
  });

  it("refuses a duplicate client name with 400 'Client names must be unique', and bad input per field", async () => {
    const { owner, cluster, call } = await setup();
    const p = { clusterUuid: cluster.id };
    await createClient(owner, { clusterId: cluster.id, name: "taken", scopes: ["ZEEBE"] });
    const before = await snapshot(owner.organizationId);
    const dup = await call<{ title: string; errors: { pointer: string }[] }>("POST", "/clusters/{clusterUuid}/clients", p, { clientName: "TAKEN" });
    expect([dup.status, dup.body.title, dup.body.errors[0]!.pointer]).toEqual([400, "Client names must be unique", "#/clientName"]);
    const bad = await call<{ errors: { pointer: string }[] }>("POST", "/clusters/{clusterUuid}/clients", p, { clientName: "a\nb", permissions: ["Zeebe", "Root"] });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e) => e.pointer).sort()).toEqual(["#/clientName", "#/permissions/1"]);
    const grace = await call("POST", "/clusters/{clusterUuid}/clients/{clientId}/rotate", { ...p, clientId: "A".repeat(32) }, { gracePeriod: "forever" });
    expect(grace.status).toBe(400);
    expect(await snapshot(owner.organizationId)).toBe(before);
  });
});

describe("authentication, permissions and tenancy", () => {
  it("answers 401 with WWW-Authenticate for no token, a bad one, an expired one, another key's, a cluster client's, and one naming no live secret", async () => {
    const { cluster, owner } = await setup();
    const ring = await server.runtime.ctx.keys.current();
    const now = Math.floor(Date.now() / 1000);
    const admin = await createAdminClient(owner, { name: "expiring", permissions: ["CLUSTERS_GET"] });
    const secret = await db().clientSecret.findFirstOrThrow({ where: { apiClient: { clientId: admin.clientId } }, select: { id: true } });
    const claims = {
      iss: TEST_ISSUER,
      sub: admin.clientId,
      aud: `${TEST_ISSUER}/api/admin/v1`,
      scope: "get:clusters",
      organization_id: owner.organizationId,
      client_secret_id: secret.id,
    };
    const expired = await signJwt(ring.active, { ...claims, iat: now - 7200, exp: now - 3600 });
    const valid = await signJwt(ring.active, { ...claims, iat: now, exp: now + 600 });
    const { privateKey } = await generateKeyPair("RS256");
    const foreign = await new SignJWT({ ...claims }).setProtectedHeader({ alg: "RS256", kid: ring.active.kid }).setIssuedAt().setExpirationTime("1h").sign(privateKey);
    const worker = await createClient(owner, { clusterId: cluster.id, name: "w", scopes: ["ZEEBE"] });
    const workerToken = ((await (await postForm(server.url, { grant_type: "client_credentials", client_id: worker.clientId, client_secret: worker.clientSecret }, { "x-forwarded-for": testIp() })).json()) as { access_token: string }).access_token;
    const wrongAud = await signJwt(ring.active, { ...claims, aud: "zeebe.test.local", iat: now, exp: now + 600 });
    // No secret named, or one that is not the client's: it cannot show its secret still works.
    const { client_secret_id: _unbound, ...unboundClaims } = claims;
    const unbound = await signJwt(ring.active, { ...unboundClaims, iat: now, exp: now + 600 });
    const otherSecret = await signJwt(ring.active, { ...claims, client_secret_id: crypto.randomUUID(), iat: now, exp: now + 600 });
    for (const token of [null, "garbage", expired, foreign, workerToken, wrongAud, unbound, otherSecret, `${valid}x`]) {
      const r = await callApi(server, token, "GET", "/clusters");
      expect(r.status, String(token).slice(0, 20)).toBe(401);
      expect(r.headers.get("www-authenticate")).toContain('error="invalid_token"');
      expect(r.headers.get("content-type")).toContain("application/problem+json");
    }
    expect((await callApi(server, valid, "GET", "/clusters")).status).toBe(200);
  });

  it("answers 403 for a missing permission and writes nothing; a narrowed token has only its scopes", async () => {
    const { owner, cluster, admin } = await setup(["CLUSTERS_GET", "CLIENTS_GET"]);
    const token = await adminToken(server, admin.clientId, admin.clientSecret);
    const before = await snapshot(owner.organizationId);
    const r = await callApi<{ detail: string }>(server, token, "POST", "/clusters/{clusterUuid}/clients", { clusterUuid: cluster.id }, { clientName: "x" });
    expect([r.status, r.body.detail]).toEqual([403, "This operation needs the create:clients permission."]);
    expect((await callApi(server, token, "DELETE", "/clusters/{clusterUuid}", { clusterUuid: cluster.id })).status).toBe(403);
    expect(await snapshot(owner.organizationId)).toBe(before);
    const narrowed = await adminToken(server, admin.clientId, admin.clientSecret, "get:clients");
    expect((await callApi(server, narrowed, "GET", "/clusters")).status).toBe(403);
    expect((await callApi(server, narrowed, "GET", "/clusters/{clusterUuid}/clients", { clusterUuid: cluster.id })).status).toBe(200);
  });

  it("another organization's cluster and client are 404, indistinguishable from missing ones", async () => {
    const mine = await setup();
    const theirs = await setup();
    const theirClient = await createClient(theirs.owner, { clusterId: theirs.cluster.id, name: "theirs", scopes: ["ZEEBE"] });
    const before = await snapshot(theirs.owner.organizationId);
    const ids = { clusterUuid: theirs.cluster.id, clientId: theirClient.clientId };
    const missing = { clusterUuid: "00000000-0000-4000-8000-000000000000", clientId: "B".repeat(32) };
    for (const params of [ids, missing]) {
      const answers = [
        await mine.call("GET", "/clusters/{clusterUuid}", params),
        await mine.call("PATCH", "/clusters/{clusterUuid}", params, { name: "hijack" }),
        await mine.call("DELETE", "/clusters/{clusterUuid}", params),
        await mine.call("GET", "/clusters/{clusterUuid}/clients", params),
        await mine.call("POST", "/clusters/{clusterUuid}/clients", params, { clientName: "intruder" }),
        await mine.call("GET", "/clusters/{clusterUuid}/clients/{clientId}", params),
        await mine.call("PATCH", "/clusters/{clusterUuid}/clients/{clientId}", params, { name: "hijack" }),
        await mine.call("DELETE", "/clusters/{clusterUuid}/clients/{clientId}", params),
        await mine.call("POST", "/clusters/{clusterUuid}/clients/{clientId}/rotate", params, {}),
      ];
      expect(answers.map((a) => a.status)).toEqual(Array(9).fill(404));
      expect(new Set(answers.map((a) => JSON.stringify((a.body as { title: string }).title)))).toEqual(new Set(['"Not found"']));
    }
    expect((await mine.call<{ uuid: string }[]>("GET", "/clusters")).body.map((c) => c.uuid)).toEqual([mine.cluster.id]);
    expect(await snapshot(theirs.owner.organizationId)).toBe(before);
  });

  it("refuses a revoked admin client's token on its next request, on every instance", async () => {
    const second = await startAdminApiServer();
    try {
      const { owner, admin, token, call } = await setup(["CLUSTERS_GET"]);
      // Both instances have the client in their caches.
      expect((await call("GET", "/clusters")).status).toBe(200);
      expect((await callApi(second, token, "GET", "/clusters")).status).toBe(200);
      await revokeClient(owner, { clusterId: null, clientId: admin.clientId });
      await new Promise((r) => setTimeout(r, 50));
      expect((await call("GET", "/clusters")).status).toBe(401);
      expect((await callApi(second, token, "GET", "/clusters")).status).toBe(401);
    } finally {
      await second.close();
    }
  });

  it("records last use", async () => {
    const { admin, call } = await setup(["CLUSTERS_GET"]);
    await call("GET", "/clusters");
    await expect.poll(async () => (await db().apiClient.findUniqueOrThrow({ where: { clientId: admin.clientId } })).lastUsedAt, { timeout: 5000 }).not.toBeNull();
  });

  it("unknown paths are problem 404s", async () => {
    const { token } = await setup(["CLUSTERS_GET"]);
    const res = await fetch(`${server.base}/nope`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
  });
});

describe("rate limit", () => {
  it("limits each admin client through the token endpoint's limiter, with 429 and Retry-After", async () => {
    const tight = await startAdminApiServer(testSettings({ limits: { ...testSettings().limits, client: { points: 3, durationSeconds: 60, blockSeconds: 30 } } }));
    try {
      const owner = await makeMember("OWNER");
      const a = await createAdminClient(owner, { name: "busy", permissions: ["CLUSTERS_GET"] });
      const b = await createAdminClient(owner, { name: "calm", permissions: ["CLUSTERS_GET"] });
      const ta = await adminToken(tight, a.clientId, a.clientSecret);
      const tb = await adminToken(tight, b.clientId, b.clientSecret);
      const statuses = [];
      for (let i = 0; i < 5; i++) statuses.push((await callApi(tight, ta, "GET", "/clusters")).status);
      expect(statuses).toEqual([200, 200, 200, 429, 429]);
      const limited = await callApi(tight, ta, "GET", "/clusters");
      expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
      expect((await callApi(tight, tb, "GET", "/clusters")).status).toBe(200);
    } finally {
      await tight.close();
    }
  });
});

describe("members and activity", () => {
  it("lists members, sets a role, removes a member; never touches an owner", async () => {
    const { owner, admin, call } = await setup();
    const dev = await makeMember("DEVELOPER", { id: owner.organizationId, name: "x" });
    const list = await call<{ email: string; roles: string[]; invitePending: boolean }[]>("GET", "/members");
    expect(list.body).toEqual([
      { email: owner.email, name: owner.name, roles: ["owner"], invitePending: false },
      { email: dev.email, name: dev.name, roles: ["developer"], invitePending: false },
    ]);
    expect((await call("POST", "/members/{email}", { email: dev.email }, { orgRoles: ["operationsengineer"] })).status).toBe(204);
    expect((await call<{ roles: string[] }[]>("GET", "/members")).body[1]!.roles).toEqual(["operationsengineer"]);

    const before = await snapshot(owner.organizationId);
    expect((await call("POST", "/members/{email}", { email: owner.email }, { orgRoles: ["admin"] })).status).toBe(403);
    expect((await call("DELETE", "/members/{email}", { email: owner.email })).status).toBe(403);
    expect((await call("POST", "/members/{email}", { email: dev.email }, { orgRoles: ["owner"] })).status).toBe(400);
    expect((await call("POST", "/members/{email}", { email: "nobody@example.com" }, { orgRoles: ["admin"] })).status).toBe(404);
    expect(await snapshot(owner.organizationId)).toBe(before);

    expect((await call("DELETE", "/members/{email}", { email: dev.email })).status).toBe(204);
    expect((await call<unknown[]>("GET", "/members")).body).toHaveLength(1);
    const events = await db().auditEvent.findMany({ where: { organizationId: owner.organizationId, targetType: "user" }, orderBy: { id: "asc" } });
    expect(events.map((e) => [e.action, e.actorClientId])).toEqual([
      ["member.role_changed", admin.clientId],
      ["member.removed", admin.clientId],
    ]);
  });

  it("another organization's member is a 404", async () => {
    const mine = await setup(["MEMBERS_GET", "MEMBERS_CREATE", "MEMBERS_DELETE"]);
    const theirs = await makeMember("DEVELOPER");
    expect((await mine.call("POST", "/members/{email}", { email: theirs.email }, { orgRoles: ["admin"] })).status).toBe(404);
    expect((await mine.call("DELETE", "/members/{email}", { email: theirs.email })).status).toBe(404);
    expect((await mine.call<{ email: string }[]>("GET", "/members")).body.map((m) => m.email)).not.toContain(theirs.email);
  });

  it("9.7: an email with an account elsewhere gets the same answer as one nobody uses", async () => {
    const mine = await setup(["MEMBERS_GET", "MEMBERS_CREATE", "MEMBERS_DELETE"]);
    const theirs = await makeMember("DEVELOPER");
    for (const [method, body] of [["POST", { orgRoles: ["admin"] }], ["DELETE", undefined]] as const) {
      const existing = await mine.call(method, "/members/{email}", { email: theirs.email }, body);
      const unknown = await mine.call(method, "/members/{email}", { email: `nobody-${theirs.userId.slice(0, 8)}@example.com` }, body);
      expect(existing.status).toBe(404);
      expect({ status: unknown.status, body: unknown.body }).toEqual({ status: existing.status, body: existing.body });
    }
  });

  it("lists pending invitations after the members", async () => {
    const { owner, call } = await setup();
    await createInvitation(owner, { email: "pending-person@example.com", role: "VISITOR" });
    const expired = await createInvitation(owner, { email: "expired-person@example.com", role: "VISITOR" }, new Date(Date.now() - 8 * 24 * 60 * 60 * 1000));
    expect(expired.expiresAt.getTime()).toBeLessThan(Date.now());
    expect((await call("GET", "/members")).body).toEqual([
      { email: owner.email, name: owner.name, roles: ["owner"], invitePending: false },
      { email: "pending-person@example.com", name: "", roles: ["visitor"], invitePending: true },
    ]);
  });

  it("serves the audit trail as JSON and CSV, newest first, with the admin client as actor", async () => {
    const { owner, cluster, admin, call } = await setup();
    await call("PATCH", "/clusters/{clusterUuid}", { clusterUuid: cluster.id }, { name: "renamed" });
    const made = await call<{ clientId: string }>("POST", "/clusters/{clusterUuid}/clients", { clusterUuid: cluster.id }, { clientName: "=cmd|x" });
    const json = await call<{ audit: string; auditType: string; userId: string; entityId: string; parentEntityId?: string }[]>("GET", "/activity/json");
    expect(json.body.map((e) => e.audit)).toEqual(["client.created", "cluster.renamed", "admin_client.created", "cluster.created"]);
    expect(json.body[0]).toMatchObject({ auditType: "c", userId: admin.clientId, entityId: made.body.clientId, parentEntityId: cluster.id });
    expect(json.body[1]).toMatchObject({ auditType: "u", userId: admin.clientId, entityId: cluster.id });
    expect(json.body[3]).toMatchObject({ auditType: "c", userId: owner.email });
    // Camunda's shape kept (milliseconds), what the Activity page shows added.
    expect(json.body[1]).toMatchObject({
      timestamp: expect.any(Number),
      actorKind: "api_client",
      actorId: admin.clientId,
      actorName: `${admin.name} (API client)`,
      details: `was ${cluster.name}`,
      before: cluster.name,
      after: "renamed",
      sentence: `${admin.name} (API client) renamed the cluster renamed`,
    });
    expect(json.body[3]).toMatchObject({ actorKind: "user", actorId: owner.userId, actorName: owner.name, details: "region bru-2" });
    const csv = await call<string>("GET", "/activity/csv");
    const lines = csv.body.trim().split("\r\n");
    expect(lines[0]).toBe(
      "timestamp,audit,auditType,entity,entityId,entityName,parentEntity,parentEntityId,userId,orgId,service," +
        "actorName,actorKind,actorId,parentEntityName,sentence,details,before,after",
    );
    expect(lines).toHaveLength(5);
    // A name that a spreadsheet would run as a formula is quoted as text.
    expect(lines[1]).toContain(",'=cmd|x,");
    expect(csv.headers.get("content-type")).toContain("text/csv");
  });

  it("filters the activity as the console's Activity page does, and refuses a bad filter with a 400 naming it", async () => {
    const { owner, cluster, admin, call } = await setup();
    const other = await createCluster(owner, { name: `other-${uniq()}`, region: "bru-2" });
    await call("POST", "/clusters/{clusterUuid}/clients", { clusterUuid: cluster.id }, { clientName: "in-cluster" });
    await call("POST", "/clusters/{clusterUuid}/clients", { clusterUuid: other.id }, { clientName: "elsewhere" });
    type Row = { audit: string; entityName: string; userId: string };
    const json = async (q: string) => (await call<Row[]>("GET", `/activity/json?${q}`)).body.map((e) => `${e.audit} ${e.entityName}`);
    expect(await json(`cluster=${cluster.id}`)).toEqual(["client.created in-cluster", `cluster.created ${cluster.name}`]);
    expect(await json(`actor=client:${admin.clientId}`)).toEqual(["client.created elsewhere", "client.created in-cluster"]);
    expect(await json(`actor=user:${owner.userId}&action=cluster.*`)).toEqual([`cluster.created ${other.name}`, `cluster.created ${cluster.name}`]);
    const today = new Date().toISOString().slice(0, 10);
    expect(await json(`action=client.created&from=${today}&to=${today}`)).toHaveLength(2);
    expect(await json("to=2000-01-01")).toEqual([]);
    const csv = await call<string>("GET", `/activity/csv?cluster=${other.id}&action=client.created`);
    expect(csv.body.trim().split("\r\n")).toHaveLength(2);
    expect(csv.headers.get("x-activity-truncated")).toBe("false");

    const bad = await call<{ status: number; errors: { pointer: string; detail: string }[] }>("GET", "/activity/json?cluster=nope&from=2026-13-01");
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([
      { pointer: "#/cluster", detail: "cluster must be a cluster ID (a UUID)." },
      { pointer: "#/from", detail: "from must be a date, YYYY-MM-DD." },
    ]);
    expect((await call("GET", "/activity/csv?action=%27%3B%20DROP")).status).toBe(400);
    expect((await call("GET", "/activity/csv?from=2026-03-02&to=2026-03-01")).status).toBe(400);
  });

  it("runs one export at a time per credentials: a burst gets one 200 and 429 problems with Retry-After", async () => {
    const { owner, call } = await setup();
    // A trail long enough that the first export is still streaming while the others ask.
    await db().$executeRaw`
      INSERT INTO audit_events (organization_id, actor_id, actor_email, actor_name, action, target_type, target_id, target_name)
      SELECT ${owner.organizationId}::uuid, ${owner.userId}::uuid, ${owner.email}, ${owner.name}, 'client.created', 'api_client', 'c' || g, 'n' || g
        FROM generate_series(1, 5000) g`;
    const burst = await Promise.all([0, 1, 2, 3].map((i) => call<{ detail?: string }>("GET", i % 2 ? "/activity/json" : "/activity/csv")));
    expect(burst.filter((r) => r.status === 200)).toHaveLength(1);
    for (const refused of burst.filter((r) => r.status !== 200)) {
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(refused.body.detail).toBe("An export of yours is still running. Wait for it to finish, then try again.");
    }
    // Read to the end (call reads every body), the export gave its turn back.
    expect((await call("GET", "/activity/json")).status).toBe(200);
  });
});
