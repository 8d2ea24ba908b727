// The Administration API's connector secrets, IP allowlists and egress ranges
// over HTTP, against a real PostgreSQL: the round trip (a secret created is
// listed, replaced, deleted and gone), Camunda's name rules, values that never
// come back (list, errors, Activity), tenancy, and the allowlist as stored.
// Every response is checked against the generated OpenAPI document.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { uniq } from "@/tests/support/factories";
import { ownerWithAdminApi, startAdminApiServer, type AdminApiServer } from "@/tests/support/admin-api";

let server: AdminApiServer;
beforeAll(async () => {
  server = await startAdminApiServer();
});
afterAll(() => server.close());

const setup = () => ownerWithAdminApi(server);

describe("connector secrets", () => {
  it("round trip: created, listed (names only), replaced, deleted and gone; Activity names the secret, never the value", async () => {
    const { owner, cluster, admin, call } = await setup();
    const c = { clusterUuid: cluster.id };
    const value = `value-${uniq()}-${uniq()}`;
    expect((await call("GET", "/clusters/{clusterUuid}/secrets", c)).body).toEqual({});
    expect((await call("POST", "/clusters/{clusterUuid}/secrets", c, { secretName: "SLACK_TOKEN", secretValue: value })).status).toBe(204);
    const listed = await call("GET", "/clusters/{clusterUuid}/secrets", c);
    expect(listed.body).toEqual({ SLACK_TOKEN: "********" });
    const replaced = `replaced-${uniq()}`;
    expect((await call("PUT", "/clusters/{clusterUuid}/secrets/{secretName}", { ...c, secretName: "SLACK_TOKEN" }, { secretValue: replaced })).status).toBe(204);
    expect((await call("DELETE", "/clusters/{clusterUuid}/secrets/{secretName}", { ...c, secretName: "SLACK_TOKEN" })).status).toBe(204);
    expect((await call("GET", "/clusters/{clusterUuid}/secrets", c)).body).toEqual({});
    expect((await call("DELETE", "/clusters/{clusterUuid}/secrets/{secretName}", { ...c, secretName: "SLACK_TOKEN" })).status).toBe(404);
    expect((await call("PUT", "/clusters/{clusterUuid}/secrets/{secretName}", { ...c, secretName: "SLACK_TOKEN" }, { secretValue: "x" })).status).toBe(404);

    const events = await db().auditEvent.findMany({ where: { organizationId: owner.organizationId, targetType: "connector_secret" }, orderBy: { id: "asc" } });
    expect(events.map((e) => [e.action, e.targetName, e.actorClientId, e.clusterId])).toEqual([
      ["connector_secret.created", "SLACK_TOKEN", admin.clientId, cluster.id],
      ["connector_secret.updated", "SLACK_TOKEN", admin.clientId, cluster.id],
      ["connector_secret.deleted", "SLACK_TOKEN", admin.clientId, cluster.id],
    ]);
    const text = JSON.stringify(events.map(({ id: _id, ...e }) => e));
    expect(text).not.toContain(value);
    expect(text).not.toContain(replaced);
  });

  it("follows Camunda's name rules, refuses a taken name and bad bodies with 400 problems that never echo the value", async () => {
    const { cluster, call } = await setup();
    const c = { clusterUuid: cluster.id };
    const value = `never-echoed-${uniq()}`;
    for (const secretName of ["", "has space", "-lead", "trail_", "a..b", "x".repeat(101), "ünïcode", "{{secrets.X}}"]) {
      const r = await call<{ errors: { pointer: string }[] }>("POST", "/clusters/{clusterUuid}/secrets", c, { secretName, secretValue: value });
      expect(r.status, JSON.stringify(secretName)).toBe(400);
      expect(r.body.errors.map((e) => e.pointer)).toEqual(["#/secretName"]);
      expect(JSON.stringify(r.body)).not.toContain(value);
    }
    for (const secretName of ["API_KEY", "slack.token", "a-b_c.d9", "X"]) {
      expect((await call("POST", "/clusters/{clusterUuid}/secrets", c, { secretName, secretValue: value })).status, secretName).toBe(204);
    }
    const dup = await call<{ title: string; errors: { pointer: string }[] }>("POST", "/clusters/{clusterUuid}/secrets", c, { secretName: "API_KEY", secretValue: value });
    expect(dup.status).toBe(400);
    expect(dup.body.title).toBe("Secret names must be unique");
    expect(JSON.stringify(dup.body)).not.toContain(value);
    const empty = await call<{ errors: { pointer: string }[] }>("POST", "/clusters/{clusterUuid}/secrets", c, { secretName: "EMPTY", secretValue: "" });
    expect(empty.body.errors.map((e) => e.pointer)).toEqual(["#/secretValue"]);
    const big = await call("POST", "/clusters/{clusterUuid}/secrets", c, { secretName: "BIG", secretValue: "x".repeat(16 * 1024 + 1) });
    expect(big.status).toBe(400);
    // A malformed name in the path names nothing that exists.
    expect((await call("DELETE", "/clusters/{clusterUuid}/secrets/{secretName}", { ...c, secretName: "bad name" })).status).toBe(404);
    expect(Object.keys((await call<Record<string, string>>("GET", "/clusters/{clusterUuid}/secrets", c)).body).sort()).toEqual(["API_KEY", "X", "a-b_c.d9", "slack.token"]);
  });

  it("another organization's cluster is a 404, and nothing of it changes", async () => {
    const mine = await setup();
    const theirs = await setup();
    await theirs.call("POST", "/clusters/{clusterUuid}/secrets", { clusterUuid: theirs.cluster.id }, { secretName: "THEIRS", secretValue: "v" });
    const t = { clusterUuid: theirs.cluster.id };
    expect((await mine.call("GET", "/clusters/{clusterUuid}/secrets", t)).status).toBe(404);
    expect((await mine.call("POST", "/clusters/{clusterUuid}/secrets", t, { secretName: "MINE", secretValue: "v" })).status).toBe(404);
    expect((await mine.call("PUT", "/clusters/{clusterUuid}/secrets/{secretName}", { ...t, secretName: "THEIRS" }, { secretValue: "w" })).status).toBe(404);
    expect((await mine.call("DELETE", "/clusters/{clusterUuid}/secrets/{secretName}", { ...t, secretName: "THEIRS" })).status).toBe(404);
    expect((await theirs.call("GET", "/clusters/{clusterUuid}/secrets", t)).body).toEqual({ THEIRS: "********" });
  });
});

describe("Camunda 8.8's scope names", () => {
  it("createClient takes the Orchestration Cluster API, Optimize API and Secrets, and 8.7's names alike", async () => {
    const { cluster, call } = await setup();
    const p = { clusterUuid: cluster.id };
    const modern = await call<{ permissions: string[] }>("POST", "/clusters/{clusterUuid}/clients", p, { clientName: "modern", permissions: ["Orchestration Cluster API", "Secrets"] });
    expect(modern.body.permissions).toEqual(["Zeebe", "Tasklist", "Operate", "Secrets"]);
    const optimizer = await call<{ permissions: string[] }>("POST", "/clusters/{clusterUuid}/clients", p, { clientName: "optimizer", permissions: ["Optimize API"] });
    expect(optimizer.body.permissions).toEqual(["Optimize"]);
    const legacy = await call<{ permissions: string[] }>("POST", "/clusters/{clusterUuid}/clients", p, { clientName: "legacy", permissions: ["Tasklist"] });
    expect(legacy.body.permissions).toEqual(["Zeebe", "Tasklist", "Operate"]);
    const bad = await call<{ errors: { pointer: string; detail: string }[] }>("POST", "/clusters/{clusterUuid}/clients", p, { clientName: "bad", permissions: ["Web Modeler"] });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0]!.detail).toMatch(/Orchestration Cluster API/);
  });
});

describe("IP allowlists and egress ranges", () => {
  it("PUT ipallowlist and the older ipwhitelist replace the cluster's list (normalized), with one Activity event per change", async () => {
    const { owner, cluster, call } = await setup();
    const c = { clusterUuid: cluster.id };
    const list = [
      { ip: "203.0.113.0/24", description: "office" },
      { ip: "2001:DB8::/32", description: "v6" },
      { ip: "198.51.100.7", description: "" },
    ];
    expect((await call("PUT", "/clusters/{clusterUuid}/ipallowlist", c, { ipallowlist: list })).status).toBe(204);
    const stored = await db().cluster.findUniqueOrThrow({ where: { id: cluster.id }, select: { ipAllowlist: true } });
    expect(stored.ipAllowlist).toEqual([
      { ip: "203.0.113.0/24", description: "office" },
      { ip: "2001:db8::/32", description: "v6" },
      { ip: "198.51.100.7", description: "" },
    ]);
    // The same list again changes nothing.
    expect((await call("PUT", "/clusters/{clusterUuid}/ipallowlist", c, { ipallowlist: list })).status).toBe(204);
    expect((await call("PUT", "/clusters/{clusterUuid}/ipwhitelist", c, { ipwhitelist: [{ ip: "10.1.2.3", description: "sdk" }] })).status).toBe(204);
    expect((await db().cluster.findUniqueOrThrow({ where: { id: cluster.id }, select: { ipAllowlist: true } })).ipAllowlist).toEqual([{ ip: "10.1.2.3", description: "sdk" }]);
    expect((await call("PUT", "/clusters/{clusterUuid}/ipallowlist", c, { ipallowlist: [] })).status).toBe(204);
    const events = await db().auditEvent.findMany({ where: { organizationId: owner.organizationId, action: "cluster.ip_allowlist_changed" }, orderBy: { id: "asc" } });
    expect(events.map((e) => e.metadata)).toEqual([
      { from: "(everyone)", to: "203.0.113.0/24, 2001:db8::/32, 198.51.100.7" },
      { from: "203.0.113.0/24, 2001:db8::/32, 198.51.100.7", to: "10.1.2.3" },
      { from: "10.1.2.3", to: "(everyone)" },
    ]);
  });

  it("refuses what is not an address or a range, with a pointer to the entry, and writes nothing", async () => {
    const { cluster, call } = await setup();
    const c = { clusterUuid: cluster.id };
    for (const ip of ["10.0.0.256", "10.0.0.0/33", "::1/129", "example.com", "10.0.0.1/8/1", "", "1.2.3.4/-1"]) {
      const r = await call<{ errors: { pointer: string }[] }>("PUT", "/clusters/{clusterUuid}/ipallowlist", c, { ipallowlist: [{ ip: "10.0.0.1", description: "" }, { ip, description: "" }] });
      expect(r.status, ip).toBe(400);
      expect(r.body.errors.map((e) => e.pointer), ip).toEqual(["#/ipallowlist/1/ip"]);
    }
    const tooMany = Array.from({ length: 101 }, (_, i) => ({ ip: `10.0.${i}.0/24`, description: "" }));
    expect((await call("PUT", "/clusters/{clusterUuid}/ipallowlist", c, { ipallowlist: tooMany })).status).toBe(400);
    expect((await db().cluster.findUniqueOrThrow({ where: { id: cluster.id }, select: { ipAllowlist: true } })).ipAllowlist).toEqual([]);
  });

  it("GET /meta/ip-ranges answers the configured egress ranges (empty by default)", async () => {
    const { call } = await setup();
    expect((await call("GET", "/meta/ip-ranges")).body).toEqual({ console: [], "web-modeler": [] });
  });

  it("a cluster-only operation is a 501 problem that says why", async () => {
    const { cluster, call } = await setup();
    const r = await call<{ type: string; status: number; detail: string }>("GET", "/clusters/{clusterUuid}/backups", { clusterUuid: cluster.id });
    expect(r.status).toBe(501);
    expect(r.headers.get("content-type")).toBe("application/problem+json");
    expect(r.body).toMatchObject({ type: "https://cluster-console.dev/problems/not-implemented", status: 501 });
    expect(r.body.detail).toMatch(/does not run them/);
  });
});
