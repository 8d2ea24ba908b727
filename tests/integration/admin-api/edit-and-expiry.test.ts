// The Administration API edits what the console edits: PATCH on a client
// (name, description, permissions) with the console's audit events, the
// client's secret expiry and description returned and set on create and
// rotate, cluster names unique ignoring case, cluster descriptions stored,
// and a cluster's state reported as Unknown (nothing measures it). Every
// response is checked against the OpenAPI document (tests/support/admin-api).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createAdminClient } from "@/lib/api-clients/create-admin-client";
import { createClient } from "@/lib/api-clients/create-client";
import { createCluster } from "@/lib/clusters/create-cluster";
import { setMaxSecretAge } from "@/lib/organizations/set-max-secret-age";
import { uniq } from "@/tests/support/factories";
import { adminToken, callApi, ownerWithAdminApi, startAdminApiServer, type AdminApiServer } from "@/tests/support/admin-api";
import { snapshot } from "../api-clients/helpers";

let server: AdminApiServer;
beforeAll(async () => {
  server = await startAdminApiServer();
});
afterAll(() => server.close());

const DAY = 24 * 60 * 60 * 1000;

const setup = () => ownerWithAdminApi(server);

type Secret = { created: string; expiresAt: string | null };
type Listed = { clientId: string; name: string; description: string; permissions: string[]; secretExpiresAt: string | null; secrets: Secret[] };
type Problem = { title: string; errors: { pointer: string; detail: string }[] };

describe("PATCH /clusters/{clusterUuid}/clients/{clientId}", () => {
  it("renames, describes and re-scopes a client, with the console's audit events and the admin client as actor", async () => {
    const { owner, cluster, admin, call } = await setup();
    const client = await createClient(owner, { clusterId: cluster.id, name: "orders", scopes: ["OPTIMIZE"] });
    const p = { clusterUuid: cluster.id, clientId: client.clientId };

    const r = await call<{ name: string; description: string; permissions: string[]; changed: string[] }>(
      "PATCH", "/clusters/{clusterUuid}/clients/{clientId}", p,
      { name: "orders-worker", description: "Order worker, team Checkout", permissions: ["Operate", "Optimize"] },
    );
    expect(r.status).toBe(200);
    // Operate is part of the Orchestration Cluster API: all three parts.
    expect(r.body).toMatchObject({ name: "orders-worker", description: "Order worker, team Checkout", permissions: ["Zeebe", "Tasklist", "Operate", "Optimize"] });
    expect(r.body.changed).toEqual(["name", "description", "permissions"]);
    const row = await db().apiClient.findUniqueOrThrow({ where: { clientId: client.clientId } });
    expect([row.name, row.description, row.scopes]).toEqual(["orders-worker", "Order worker, team Checkout", ["ZEEBE", "TASKLIST", "OPERATE", "OPTIMIZE"]]);

    // An absent field stays as it is; the same values again change nothing and record nothing.
    const partial = await call<{ name: string; description: string; changed: string[] }>(
      "PATCH", "/clusters/{clusterUuid}/clients/{clientId}", p, { description: "" },
    );
    expect([partial.body.name, partial.body.description, partial.body.changed]).toEqual(["orders-worker", "", ["description"]]);
    const same = await call<{ changed: string[] }>("PATCH", "/clusters/{clusterUuid}/clients/{clientId}", p, { name: "orders-worker" });
    expect(same.body.changed).toEqual([]);

    const events = await db().auditEvent.findMany({ where: { organizationId: owner.organizationId, targetId: client.clientId }, orderBy: { id: "asc" } });
    expect(events.map((e) => [e.action, e.actorClientId, e.metadata])).toEqual([
      ["client.created", null, expect.anything()],
      ["client.renamed", admin.clientId, { clientId: client.clientId, from: "orders", to: "orders-worker" }],
      ["client.description_changed", admin.clientId, { clientId: client.clientId, from: "", to: "Order worker, team Checkout" }],
      ["client.scopes_changed", admin.clientId, { clientId: client.clientId, from: "OPTIMIZE", to: "ZEEBE,TASKLIST,OPERATE,OPTIMIZE", added: "ZEEBE,TASKLIST,OPERATE", removed: "" }],
      ["client.description_changed", admin.clientId, { clientId: client.clientId, from: "Order worker, team Checkout", to: "" }],
    ]);
  });

  it("refuses a taken name (ignoring case), bad fields and a revoked or foreign client, writing nothing", async () => {
    const { owner, cluster, call } = await setup();
    const other = await setup();
    await createClient(owner, { clusterId: cluster.id, name: "taken", scopes: ["ZEEBE"] });
    const client = await createClient(owner, { clusterId: cluster.id, name: "mine", scopes: ["ZEEBE"] });
    const theirs = await createClient(other.owner, { clusterId: other.cluster.id, name: "theirs", scopes: ["ZEEBE"] });
    const p = { clusterUuid: cluster.id, clientId: client.clientId };
    const before = await snapshot(owner.organizationId);
    const theirsBefore = await snapshot(other.owner.organizationId);

    const dup = await call<Problem>("PATCH", "/clusters/{clusterUuid}/clients/{clientId}", p, { name: "TAKEN" });
    expect([dup.status, dup.body.title, dup.body.errors[0]!.pointer]).toEqual([400, "Client names must be unique", "#/name"]);
    const bad = await call<Problem>("PATCH", "/clusters/{clusterUuid}/clients/{clientId}", p, {
      name: "a\nb",
      description: "x".repeat(501),
      permissions: [],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e) => e.pointer).sort()).toEqual(["#/description", "#/name", "#/permissions"]);
    const foreign = await call("PATCH", "/clusters/{clusterUuid}/clients/{clientId}", { clusterUuid: other.cluster.id, clientId: theirs.clientId }, { name: "hijack" });
    expect(foreign.status).toBe(404);
    expect(await snapshot(owner.organizationId)).toBe(before);
    expect(await snapshot(other.owner.organizationId)).toBe(theirsBefore);

    await call("DELETE", "/clusters/{clusterUuid}/clients/{clientId}", p);
    expect((await call("PATCH", "/clusters/{clusterUuid}/clients/{clientId}", p, { name: "back" })).status).toBe(404);
  });

  it("needs update:clients: create:clients alone is refused with 403", async () => {
    const { owner, cluster } = await setup();
    const client = await createClient(owner, { clusterId: cluster.id, name: "c", scopes: ["ZEEBE"] });
    const creator = await createAdminClient(owner, { name: `creator-${uniq()}`, permissions: ["CLIENTS_CREATE", "CLIENTS_GET"] });
    const token = await adminToken(server, creator.clientId, creator.clientSecret);
    const r = await callApi<{ detail: string }>(server, token, "PATCH", "/clusters/{clusterUuid}/clients/{clientId}", { clusterUuid: cluster.id, clientId: client.clientId }, { name: "x" });
    expect([r.status, r.body.detail]).toEqual([403, "This operation needs the update:clients permission."]);
  });
});

describe("secret expiry and description through the API", () => {
  it("returns each client's description and secret expiry in the list and its details", async () => {
    const { owner, cluster, call } = await setup();
    const never = await createClient(owner, { clusterId: cluster.id, name: "never", scopes: ["ZEEBE"], expiry: "never" });
    const dated = await createClient(owner, { clusterId: cluster.id, name: "dated", scopes: ["ZEEBE"], expiry: "90d" });
    const list = await call<Listed[]>("GET", "/clusters/{clusterUuid}/clients", { clusterUuid: cluster.id });
    expect(list.status).toBe(200);
    const byName = Object.fromEntries(list.body.map((c) => [c.name, c]));
    expect(byName.never).toMatchObject({ description: "", secretExpiresAt: null, secrets: [{ expiresAt: null }] });
    expect(byName.dated!.secretExpiresAt).toBe(dated.secretExpiresAt!.toISOString());
    expect(byName.dated!.secrets).toHaveLength(1);
    expect(JSON.stringify(list.body)).not.toContain(never.clientSecret.slice(-8));

    const details = await call<{ description: string; secretExpiresAt: string | null; secrets: Secret[] }>(
      "GET", "/clusters/{clusterUuid}/clients/{clientId}", { clusterUuid: cluster.id, clientId: dated.clientId },
    );
    expect(details.body.secretExpiresAt).toBe(dated.secretExpiresAt!.toISOString());
    expect(details.body.secrets.map((s) => s.expiresAt)).toEqual([dated.secretExpiresAt!.toISOString()]);
  });

  it("accepts an expiry and a description on create, and an expiry on rotate; both secrets listed during the grace period", async () => {
    const { cluster, call } = await setup();
    const p = { clusterUuid: cluster.id };
    const t0 = Date.now();
    const created = await call<{ clientId: string; description: string; secretExpiresAt: string | null }>("POST", "/clusters/{clusterUuid}/clients", p, {
      clientName: "expiring",
      description: "Nightly export",
      secretExpiry: "30d",
    });
    expect(created.status).toBe(200);
    expect(created.body.description).toBe("Nightly export");
    const at = Date.parse(created.body.secretExpiresAt!);
    expect(at - t0).toBeGreaterThanOrEqual(30 * DAY - 60_000);
    expect(at - t0).toBeLessThanOrEqual(30 * DAY + 60_000);
    const stored = await db().apiClient.findUniqueOrThrow({ where: { clientId: created.body.clientId }, include: { secrets: true } });
    expect([stored.description, stored.secrets[0]!.expiresAt!.toISOString()]).toEqual(["Nightly export", created.body.secretExpiresAt]);

    const on = `${new Date().getUTCFullYear() + 1}-01-31`;
    const rotated = await call<{ secretExpiresAt: string | null; previousSecretExpiresAt: string | null }>(
      "POST", "/clusters/{clusterUuid}/clients/{clientId}/rotate", { ...p, clientId: created.body.clientId },
      { gracePeriod: "1h", secretExpiry: "date", secretExpiresOn: on },
    );
    expect(rotated.status).toBe(200);
    expect(rotated.body.secretExpiresAt).toBe(`${on}T00:00:00.000Z`);
    const listed = (await call<Listed[]>("GET", "/clusters/{clusterUuid}/clients", p)).body[0]!;
    expect(listed.secretExpiresAt).toBe(`${on}T00:00:00.000Z`);
    expect(listed.secrets.map((s) => s.expiresAt)).toEqual([`${on}T00:00:00.000Z`, rotated.body.previousSecretExpiresAt]);

    const rotateEvent = await db().auditEvent.findFirstOrThrow({ where: { targetId: created.body.clientId, action: "client.secret_rotated" } });
    expect(rotateEvent.metadata).toMatchObject({ secretExpiresAt: `${on}T00:00:00.000Z` });
  });

  it("refuses an expiry beyond the organization's maximum or in the past, naming the API's field, and writes nothing", async () => {
    const { owner, cluster, call } = await setup();
    await setMaxSecretAge(owner, { maxSecretAgeDays: 30 });
    const p = { clusterUuid: cluster.id };
    const before = await snapshot(owner.organizationId);
    const tooLong = await call<Problem>("POST", "/clusters/{clusterUuid}/clients", p, { clientName: "x", secretExpiry: "never" });
    expect([tooLong.status, tooLong.body.errors[0]!.pointer]).toEqual([400, "#/secretExpiry"]);
    expect(tooLong.body.errors[0]!.detail).toContain("at most 30 days");
    const past = await call<Problem>("POST", "/clusters/{clusterUuid}/clients", p, { clientName: "x", secretExpiry: "date", secretExpiresOn: "2001-01-01" });
    expect([past.status, past.body.errors[0]!.pointer]).toEqual([400, "#/secretExpiresOn"]);
    const junk = await call<Problem>("POST", "/clusters/{clusterUuid}/clients", p, { clientName: "x", secretExpiry: "forever" });
    expect([junk.status, junk.body.errors[0]!.pointer]).toEqual([400, "#/secretExpiry"]);
    expect(await snapshot(owner.organizationId)).toBe(before);
    // No expiry named: the organization's maximum.
    const defaulted = await call<{ secretExpiresAt: string }>("POST", "/clusters/{clusterUuid}/clients", p, { clientName: "defaulted" });
    expect(Date.parse(defaulted.body.secretExpiresAt) - Date.now()).toBeGreaterThan(29 * DAY);
  });
});

describe("clusters through the API", () => {
  it("refuses a duplicate cluster name ignoring case on create and rename, with 400 'Cluster names must be unique'", async () => {
    const { owner, cluster, call } = await setup();
    const before = await db().cluster.count({ where: { organizationId: owner.organizationId } });
    const dup = await call<Problem>("POST", "/clusters", {}, { name: cluster.name.toUpperCase(), regionId: "bru-2" });
    expect([dup.status, dup.body.title, dup.body.errors[0]!.pointer]).toEqual([400, "Cluster names must be unique", "#/name"]);
    expect(dup.body.errors[0]!.detail).toContain(`“${cluster.name}”`);
    const second = await createCluster(owner, { name: "Production EU", region: "bru-2" });
    const rename = await call<Problem>("PATCH", "/clusters/{clusterUuid}", { clusterUuid: second.id }, { name: cluster.name });
    expect([rename.status, rename.body.title]).toEqual([400, "Cluster names must be unique"]);
    expect(await db().cluster.count({ where: { organizationId: owner.organizationId } })).toBe(before + 1);
    expect((await db().cluster.findUniqueOrThrow({ where: { id: second.id } })).name).toBe("Production EU");
  });

  it("stores a cluster's description, and reports its state as Unknown rather than Healthy", async () => {
    const { owner, call } = await setup();
    const created = await call<{ clusterId: string }>("POST", "/clusters", {}, { name: "described", regionId: "bru-2", description: "Order processing" });
    const id = created.body.clusterId;
    type View = { description: string; status: Record<string, string> };
    const got = await call<View>("GET", "/clusters/{clusterUuid}", { clusterUuid: id });
    expect(got.body.description).toBe("Order processing");
    expect(new Set(Object.values(got.body.status))).toEqual(new Set(["Unknown"]));
    expect((await call("PATCH", "/clusters/{clusterUuid}", { clusterUuid: id }, { description: "EU shops" })).status).toBe(204);
    const after = await call<View & { name: string }>("GET", "/clusters/{clusterUuid}", { clusterUuid: id });
    expect([after.body.name, after.body.description]).toEqual(["described", "EU shops"]);
    const events = await db().auditEvent.findMany({ where: { organizationId: owner.organizationId, clusterId: id }, orderBy: { id: "asc" } });
    expect(events.map((e) => [e.action, e.metadata])).toEqual([
      ["cluster.created", expect.anything()],
      ["cluster.description_changed", { from: "Order processing", to: "EU shops" }],
    ]);
  });
});
