// A client's own token lifetime and rate limit through the Administration
// API: set, shown, reset, refused outside the organization's bounds (naming
// the API's field, writing nothing), each change audited; and reporting a
// leaked secret: a working secret of the organization is revoked (or kept,
// with "alert only"), another organization's secret is a false positive.
// Every response is checked against the OpenAPI document.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createClient } from "@/lib/api-clients/create-client";
import { setClientPolicyBounds, setLeakPolicy } from "@/lib/organizations/client-policy";
import { config } from "@/lib/config";
import { uniq } from "@/tests/support/factories";
import { ownerWithAdminApi, startAdminApiServer, type AdminApiServer } from "@/tests/support/admin-api";
import { snapshot } from "../api-clients/helpers";

let server: AdminApiServer;
beforeAll(async () => {
  server = await startAdminApiServer();
});
afterAll(() => server.close());

async function setup() {
  const { owner, cluster, admin, call } = await ownerWithAdminApi(server);
  const client = await createClient(owner, { clusterId: cluster.id, name: `worker-${uniq()}`, scopes: ["ZEEBE"] });
  return { owner, cluster, admin, call, client, p: { clusterUuid: cluster.id, clientId: client.clientId } };
}

type Updated = { tokenLifetimeSeconds: number | null; tokenRateLimit: number | null; changed: string[] };
type Problem = { title: string; errors: { pointer: string; detail: string }[] };
const PATCH = "/clusters/{clusterUuid}/clients/{clientId}";

describe("a client's token lifetime and rate limit through the Administration API", () => {
  it("sets, shows and resets them, one audit event per change", async () => {
    const { owner, cluster, call, client, p } = await setup();
    const r = await call<Updated>("PATCH", PATCH, p, { tokenLifetimeSeconds: 900, tokenRateLimit: 30 });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ tokenLifetimeSeconds: 900, tokenRateLimit: 30, changed: ["tokenLifetimeSeconds", "tokenRateLimit"] });
    const got = await call<{ tokenLifetimeSeconds: number | null; tokenRateLimit: number | null }>("GET", PATCH, p);
    expect(got.body).toMatchObject({ tokenLifetimeSeconds: 900, tokenRateLimit: 30 });
    const listed = await call<Array<{ clientId: string; tokenLifetimeSeconds: number | null; tokenRateLimit: number | null }>>("GET", "/clusters/{clusterUuid}/clients", { clusterUuid: cluster.id });
    expect(listed.body.find((c) => c.clientId === client.clientId)).toMatchObject({ tokenLifetimeSeconds: 900, tokenRateLimit: 30 });

    const again = await call<Updated>("PATCH", PATCH, p, { tokenLifetimeSeconds: 900, name: undefined });
    expect(again.body.changed).toEqual([]);
    const reset = await call<Updated>("PATCH", PATCH, p, { tokenLifetimeSeconds: null, tokenRateLimit: null });
    expect(reset.body).toMatchObject({ tokenLifetimeSeconds: null, tokenRateLimit: null, changed: ["tokenLifetimeSeconds", "tokenRateLimit"] });

    const events = await db().auditEvent.findMany({
      where: { organizationId: owner.organizationId, action: { in: ["client.token_lifetime_changed", "client.rate_limit_changed"] } },
      orderBy: { id: "asc" },
    });
    expect(events.map((e) => [e.action, e.metadata])).toEqual([
      ["client.token_lifetime_changed", { clientId: client.clientId, from: null, to: 900 }],
      ["client.rate_limit_changed", { clientId: client.clientId, from: null, to: 30 }],
      ["client.token_lifetime_changed", { clientId: client.clientId, from: 900, to: null }],
      ["client.rate_limit_changed", { clientId: client.clientId, from: 30, to: null }],
    ]);
    expect(events.every((e) => e.actorClientId !== null)).toBe(true);
  });

  it("refuses values outside the organization's bounds, naming the API's field, and writes nothing", async () => {
    const { owner, call, p } = await setup();
    await setClientPolicyBounds(owner, { minTokenTtlSeconds: 300, maxTokenTtlSeconds: 3600, maxClientRateLimit: 500 });
    const before = await snapshot(owner.organizationId);
    for (const [body, pointer] of [
      [{ tokenLifetimeSeconds: 299 }, "#/tokenLifetimeSeconds"],
      [{ tokenLifetimeSeconds: 3601 }, "#/tokenLifetimeSeconds"],
      [{ tokenRateLimit: 501 }, "#/tokenRateLimit"],
      [{ tokenRateLimit: 0 }, "#/tokenRateLimit"],
      [{ tokenLifetimeSeconds: 12.5 }, "#/tokenLifetimeSeconds"],
      [{ tokenRateLimit: "many" }, "#/tokenRateLimit"],
    ] as const) {
      const r = await call<Problem>("PATCH", PATCH, p, body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.body.errors.map((e) => e.pointer)).toContain(pointer);
    }
    expect(await snapshot(owner.organizationId)).toEqual(before);
    // Within the bounds, and a raise up to the organization's maximum (above the instance's default).
    const ok = await call<Updated>("PATCH", PATCH, p, { tokenLifetimeSeconds: 3600, tokenRateLimit: 500 });
    expect(ok.status).toBe(200);
  });

  it("without an owner's maximum, an override can only lower the instance's limit", async () => {
    const { call, p } = await setup();
    const limit = config().RATE_LIMIT_CLIENT_POINTS;
    expect((await call("PATCH", PATCH, p, { tokenRateLimit: limit + 1 })).status).toBe(400);
    expect((await call("PATCH", PATCH, p, { tokenRateLimit: limit })).status).toBe(200);
    // Longer than the instance's TOKEN_TTL_SECONDS is refused: retired keys are published only that long.
    expect((await call("PATCH", PATCH, p, { tokenLifetimeSeconds: config().TOKEN_TTL_SECONDS + 1 })).status).toBe(400);
  });
});

describe("POST /leaks", () => {
  type Reported = { label: string; revoked: boolean; clientId: string | null; clusterUuid: string | null };

  it("revokes a working secret of the organization and records who reported it", async () => {
    const { owner, cluster, call, client } = await setup();
    const r = await call<Reported>("POST", "/leaks", {}, { secret: client.clientSecret, url: "https://gist.github.com/someone/abc" });
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ label: "true_positive", revoked: true, clientId: client.clientId, clusterUuid: cluster.id });
    expect(JSON.stringify(r.body)).not.toContain(client.clientSecret);
    const leak = await db().clientSecretLeak.findFirstOrThrow({ where: { organizationId: owner.organizationId } });
    expect(leak).toMatchObject({ reporterKind: "admin_api", revoked: true, foundUrl: "https://gist.github.com/someone/abc" });
    // Reported again: no longer a working secret.
    expect((await call<Reported>("POST", "/leaks", {}, { secret: client.clientSecret })).body.label).toBe("false_positive");
  });

  it("keeps the secret working under 'alert only'", async () => {
    const { owner, call, client } = await setup();
    await setLeakPolicy(owner, { leakPolicy: "ALERT" });
    const r = await call<Reported>("POST", "/leaks", {}, { secret: client.clientSecret });
    expect(r.body).toMatchObject({ label: "true_positive", revoked: false });
    const live = await db().clientSecret.count({ where: { apiClient: { clientId: client.clientId }, revokedAt: null } });
    expect(live).toBe(1);
  });

  it("answers false_positive for another organization's secret, changing nothing there", async () => {
    const { call } = await setup();
    const other = await setup();
    const before = await snapshot(other.owner.organizationId);
    const r = await call<Reported>("POST", "/leaks", {}, { secret: other.client.clientSecret });
    expect(r.body).toEqual({ label: "false_positive", revoked: false, clientId: null, clusterUuid: null });
    expect(await snapshot(other.owner.organizationId)).toEqual(before);
    expect((await call("POST", "/leaks", {}, { secret: "" })).status).toBe(400);
  });
});
