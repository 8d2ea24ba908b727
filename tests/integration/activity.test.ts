// The Activity filters, sentences' data and exports against a real
// PostgreSQL: each filter alone and combined, keyset pages across a
// filtered set, tenancy whatever the filters name, bad values, the actor's
// name kept after they leave, links only to what still exists, CSV
// escaping and the JSON shape, and the plans the filters get.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { listEvents } from "@/lib/audit/list-events";
import { parseActivityQuery, activityHref, type ActivityFilter } from "@/lib/audit/activity-query";
import { activityActors, activityClusters } from "@/lib/audit/filter-choices";
import { exportEvents } from "@/lib/audit/export-events";
import { csvField, serialise } from "@/lib/audit/export-stream";
import { actionText, ACTIONS } from "@/lib/audit/actions";
import { createCluster } from "@/lib/clusters/create-cluster";
import { deleteCluster } from "@/lib/clusters/delete-cluster";
import { createClient } from "@/lib/api-clients/create-client";
import { revokeClient } from "@/lib/api-clients/revoke-client";
import { deleteClient } from "@/lib/api-clients/delete-client";
import { createAdminClient } from "@/lib/api-clients/create-admin-client";
import { removeMember } from "@/lib/members/remove-member";
import { changeMemberRole } from "@/lib/members/change-member-role";
import { updateClient } from "@/lib/api-clients/update-client";
import { rotateClientSecret } from "@/lib/api-clients/rotate-client-secret";
import { makeMember, uniq } from "@/tests/support/factories";

async function all(organizationId: string, filter: ActivityFilter, limit = 2) {
  const seen: string[] = [];
  let before: string | null = null;
  do {
    const page = await listEvents({ organizationId, filter, before, limit });
    expect(page.events.length).toBeLessThanOrEqual(limit);
    seen.push(...page.events.map((e) => `${e.action} ${e.targetName}`));
    before = page.nextCursor;
  } while (before);
  return seen;
}

/** An organization with two members, Administration API credentials and two clusters' worth of changes. */
async function seed() {
  const owner = await makeMember("OWNER");
  const ops = await makeMember("OPERATIONS_ENGINEER", { id: owner.organizationId, name: owner.organizationName });
  const eu = await createCluster(owner, { name: `eu-${uniq()}`, region: "bru-2" });
  const us = await createCluster(ops, { name: `us-${uniq()}`, region: "jfk-1" });
  const a = await createClient(owner, { clusterId: eu.id, name: "orders", scopes: ["ZEEBE"] });
  const b = await createClient(ops, { clusterId: us.id, name: "billing", scopes: ["ZEEBE"] });
  await revokeClient(ops, { clusterId: eu.id, clientId: a.clientId });
  const admin = await createAdminClient(owner, { name: `ci-${uniq()}`, permissions: ["CLUSTERS_GET"] });
  const apiActor = { organizationId: owner.organizationId, userId: null, clientId: admin.clientId, email: `${admin.name} (API client)`, role: "ADMIN" as const };
  await revokeClient(apiActor, { clusterId: us.id, clientId: b.clientId });
  return { owner, ops, eu, us, a, b, admin };
}

describe("activity filters", () => {
  it("filter by cluster, actor, action and group, each alone and combined, across keyset pages", async () => {
    const { owner, ops, eu, us, admin } = await seed();
    const org = owner.organizationId;
    expect(await all(org, {})).toEqual([
      "client.revoked billing",
      `admin_client.created ${admin.name}`,
      "client.revoked orders",
      "client.created billing",
      "client.created orders",
      `cluster.created ${us.name}`,
      `cluster.created ${eu.name}`,
    ]);
    expect(await all(org, { cluster: eu.id })).toEqual(["client.revoked orders", "client.created orders", `cluster.created ${eu.name}`]);
    expect(await all(org, { actor: `user:${ops.userId}` })).toEqual(["client.revoked orders", "client.created billing", `cluster.created ${us.name}`]);
    expect(await all(org, { actor: `client:${admin.clientId}` })).toEqual(["client.revoked billing"]);
    expect(await all(org, { action: "client.revoked" })).toEqual(["client.revoked billing", "client.revoked orders"]);
    // A group: client.* is the cluster clients' actions, not admin_client.*.
    expect(await all(org, { action: "client.*" })).toEqual(["client.revoked billing", "client.revoked orders", "client.created billing", "client.created orders"]);
    expect(await all(org, { action: "admin_client.*" })).toEqual([`admin_client.created ${admin.name}`]);
    expect(await all(org, { cluster: us.id, actor: `user:${ops.userId}`, action: "client.*" })).toEqual(["client.created billing"]);
    expect(await all(org, { cluster: eu.id, actor: `client:${admin.clientId}` })).toEqual([]);
    // Every page of a filtered set is full but the last (page size 1 here).
    expect(await all(org, { action: "client.*" }, 1)).toHaveLength(4);
  });

  it("filters by date, both ends whole UTC days", async () => {
    const owner = await makeMember("OWNER");
    const org = owner.organizationId;
    const at = (iso: string, name: string) =>
      db().auditEvent.create({
        data: { organizationId: org, actorEmail: owner.email, actorName: owner.name, actorId: owner.userId, action: "cluster.created", targetType: "cluster", targetId: crypto.randomUUID(), targetName: name, createdAt: new Date(iso) },
      });
    await at("2026-03-01T00:00:00.000Z", "first-second");
    await at("2026-03-01T23:59:59.999Z", "last-moment");
    await at("2026-03-02T00:00:00.000Z", "next-day");
    await at("2026-02-28T23:59:59.999Z", "day-before");
    const names = async (f: ActivityFilter) => (await listEvents({ organizationId: org, filter: f })).events.map((e) => e.targetName).sort();
    expect(await names({ from: "2026-03-01", to: "2026-03-01" })).toEqual(["first-second", "last-moment"]);
    expect(await names({ from: "2026-03-02" })).toEqual(["next-day"]);
    expect(await names({ to: "2026-02-28" })).toEqual(["day-before"]);
    expect((await exportEvents(org, { from: "2026-03-01", to: "2026-03-01" })).records).toHaveLength(2);
  });

  it("never shows another organization's events, whatever the filters name", async () => {
    const mine = await seed();
    const theirs = await seed();
    const org = mine.owner.organizationId;
    for (const filter of [
      { cluster: theirs.eu.id },
      { actor: `user:${theirs.ops.userId}` },
      { actor: `client:${theirs.admin.clientId}` },
      { cluster: theirs.us.id, action: "client.*" },
    ] satisfies ActivityFilter[]) {
      expect((await listEvents({ organizationId: org, filter })).events).toEqual([]);
      expect((await exportEvents(org, filter)).records).toEqual([]);
    }
    // The cluster tab: its own cluster, even when the filter names another.
    const tab = await listEvents({ organizationId: org, clusterId: mine.eu.id, filter: { cluster: theirs.eu.id } });
    expect(tab.events.every((e) => e.clusterId === mine.eu.id)).toBe(true);
    expect(tab.events).toHaveLength(3);
    expect((await activityActors(org)).map((a) => a.value)).not.toContain(`user:${theirs.ops.userId}`);
    expect((await activityClusters(org)).map((c) => c.value).sort()).toEqual([mine.eu.id, mine.us.id].sort());
  });

  it("reports bad values by name and leaves them out; an empty value means any", () => {
    const bad = parseActivityQuery({
      cluster: "not-a-uuid",
      actor: "someone",
      action: "DROP TABLE",
      from: "2026-02-30",
      to: "yesterday",
      before: "1e9",
    });
    expect(bad.filter).toEqual({});
    expect(bad.before).toBeNull();
    expect(bad.invalid.map((i) => i.name)).toEqual(["cluster", "actor", "action", "from", "to"]);
    expect(bad.invalid[0]!.message).toBe("cluster must be a cluster ID (a UUID).");
    const swapped = parseActivityQuery({ from: "2026-03-02", to: "2026-03-01" });
    expect(swapped.filter).toEqual({ from: "2026-03-02" });
    expect(swapped.invalid).toEqual([{ name: "to", message: "to must not be before from." }]);
    expect(parseActivityQuery({ cluster: "", actor: " ", action: ["client.*", "x"] }).filter).toEqual({ action: "client.*" });
    // The URL round-trip: what a view links to parses back to the same filters.
    const filter = { cluster: crypto.randomUUID(), actor: "client:abcDEF123", action: "client.*", from: "2026-01-01", to: "2026-01-31" };
    const href = activityHref("/activity", filter, { before: "42" });
    const back = parseActivityQuery(new URL(href, "http://x").searchParams);
    expect(back).toEqual({ filter, before: "42", invalid: [] });
  });
});

describe("activity sentences", () => {
  it("keep the actor's name after they leave, and list them among the actors", async () => {
    const { owner, ops, admin } = await seed();
    await removeMember(owner, { userId: ops.userId });
    // Removing the last membership removes the account too: the events keep the name.
    expect(await db().user.findUnique({ where: { id: ops.userId } })).toBeNull();
    const { events } = await listEvents({ organizationId: owner.organizationId, filter: { actor: `user:${ops.userId}` } });
    expect(new Set(events.map((e) => e.actorName))).toEqual(new Set([ops.name]));
    const actors = await activityActors(owner.organizationId);
    expect(actors).toContainEqual({ value: `user:${ops.userId}`, label: `${ops.name} (${ops.email})` });
    expect(actors).toContainEqual({ value: `client:${admin.clientId}`, label: `${admin.name} (API client)` });
  });

  it("link only what still exists: a deleted client or cluster is plain text", async () => {
    const { owner, eu, us, a, b } = await seed();
    await deleteClient(owner, { clusterId: eu.id, clientId: a.clientId });
    await deleteCluster(owner, { clusterId: us.id, confirmName: us.name });
    const { events } = await listEvents({ organizationId: owner.organizationId, limit: 100 });
    const find = (action: string, name: string) => events.find((e) => e.action === action && e.targetName === name)!;
    expect(find("client.created", "orders")).toMatchObject({ targetExists: false, clusterExists: true, clusterName: eu.name });
    expect(find("client.created", "billing")).toMatchObject({ targetExists: false, clusterExists: false, clusterName: us.name });
    expect(find("cluster.created", eu.name)).toMatchObject({ targetExists: true });
    expect(find("cluster.created", us.name)).toMatchObject({ targetExists: false });
    expect(b.clientId).toBeTruthy();
  });

  it("give every action a sentence, new ones one made from their name", () => {
    for (const [action, text] of Object.entries(ACTIONS)) {
      // Every sentence names who acted; most also name what (a change to your own account need not).
      expect(text.sentence, action).toMatch(/^\{actor\} /);
    }
    // An action not in the table (webhook.created is in it now).
    expect(actionText("widget.created")).toEqual({ label: "Widget created", sentence: "{actor} created the widget {target}" });
    expect(actionText("user.password_reset")).toEqual({
      label: "User password reset",
      sentence: "{actor} reset the password of the user {target}",
    });
  });
});

describe("activity export", () => {
  it("neutralises formula cells and quotes what needs quoting", () => {
    expect(["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"].map(csvField)).toEqual(["'=1+1", "'+1", "'-1", "'@SUM(A1)", "'\tx", "\"'\rx\""]);
    expect(csvField('a "quoted", name')).toBe('"a ""quoted"", name"');
    expect(csvField("line\nbreak")).toBe('"line\nbreak"');
    expect(csvField("=HYPERLINK(\"http://x\",\"y\")")).toBe('"\'=HYPERLINK(""http://x"",""y"")"');
    expect(csvField("plain-name")).toBe("plain-name");
    expect(csvField(undefined)).toBe("");
  });

  it("exports exactly the filtered events as CSV and JSON, bounded by its limit", async () => {
    const { owner, eu, a } = await seed();
    const org = owner.organizationId;
    const { records, truncated } = await exportEvents(org, { cluster: eu.id });
    expect(truncated).toBe(false);
    expect(records.map((r) => r.audit)).toEqual(["client.revoked", "client.created", "cluster.created"]);
    expect(records[0]).toEqual({
      audit: "client.revoked",
      auditType: "d",
      entity: "api_client",
      entityId: a.clientId,
      entityName: "orders",
      orgId: org,
      parentEntity: "cluster",
      parentEntityId: eu.id,
      service: "console",
      userId: expect.stringMatching(/@example\.com$/),
      timestamp: expect.any(Number),
      actorName: expect.stringMatching(/^OPERATIONS_ENGINEER /),
      actorKind: "user",
      actorId: expect.any(String),
      parentEntityName: eu.name,
      sentence: expect.stringMatching(new RegExp(`^OPERATIONS_ENGINEER \\w+ revoked the API client orders in ${eu.name}$`)),
    });
    const csv = serialise(records, "csv").split("\r\n");
    expect(csv[0]).toBe(
      "timestamp,audit,auditType,entity,entityId,entityName,parentEntity,parentEntityId,userId,orgId,service," +
        "actorName,actorKind,actorId,parentEntityName,sentence,details,before,after",
    );
    expect(csv).toHaveLength(5); // header, three rows, the final line end
    expect(csv[1]).toMatch(new RegExp(`^\\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z,client\\.revoked,d,api_client,${a.clientId},orders,cluster,${eu.id},`));
    const cut = await exportEvents(org, {}, 2);
    expect([cut.records.length, cut.truncated]).toEqual([2, true]);
  });
});

describe("activity export: what the page shows (issue 23, minor 1)", () => {
  it("carries the details, the values before and after, the actor's name and kind, one timestamp format, and no secret", async () => {
    const { owner, ops, eu, a, b, admin } = await seed();
    const org = owner.organizationId;
    await changeMemberRole(owner, { userId: ops.userId, role: "ADMIN" });
    const c = await createClient(owner, { clusterId: eu.id, name: "orders-worker", scopes: ["ZEEBE"] });
    await updateClient(owner, { clusterId: eu.id, clientId: c.clientId, name: "=payments", description: "", scopes: ["ZEEBE"] });
    const apiActor = { organizationId: org, userId: null, clientId: admin.clientId, email: `${admin.name} (API client)`, role: "ADMIN" as const };
    const rotated = await rotateClientSecret(apiActor, { clusterId: eu.id, clientId: c.clientId, grace: "24h" });

    const { records } = await exportEvents(org);
    const by = (audit: string) => records.find((r) => r.audit === audit)!;
    expect(by("member.role_changed")).toMatchObject({
      details: "Operations engineer → Admin",
      before: "Operations engineer",
      after: "Admin",
      actorKind: "user",
      actorName: owner.name,
      actorId: owner.userId,
    });
    expect(by("client.renamed")).toMatchObject({ details: "was orders-worker", before: "orders-worker", after: "=payments", entityName: "=payments" });
    expect(by("client.secret_rotated")).toMatchObject({
      details: "old secret valid for 24h",
      actorKind: "api_client",
      actorName: `${admin.name} (API client)`,
      actorId: admin.clientId,
      userId: admin.clientId,
      parentEntityName: eu.name,
      sentence: `${admin.name} (API client) rotated the secret of =payments in ${eu.name}`,
    });
    expect(by("client.secret_rotated")).not.toHaveProperty("before");

    const csv = serialise(records, "csv");
    const json = serialise(records, "json");
    const api = serialise(records, "json-epoch-ms");
    // One format in the console's CSV and JSON: ISO 8601 in UTC (the Administration API's JSON keeps Camunda's milliseconds).
    const rows = JSON.parse(json) as { timestamp: string }[];
    expect(rows.every((r) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/.test(r.timestamp))).toBe(true);
    const csvLines = csv.split("\r\n").slice(1, -1);
    expect(csvLines.map((l) => l.slice(0, 24))).toEqual(rows.map((r) => r.timestamp));
    expect((JSON.parse(api) as { timestamp: unknown }[]).every((r) => typeof r.timestamp === "number")).toBe(true);
    // The page's details in the CSV too; a name a spreadsheet would run stays text.
    const rotation = csvLines.find((l) => l.includes(",client.secret_rotated,"))!;
    expect(rotation).toContain(`,api_client,${admin.clientId},${eu.name},${admin.name} (API client) rotated the secret of =payments in ${eu.name},old secret valid for 24h,,`);
    const rename = csvLines.find((l) => l.includes(",client.renamed,"))!;
    expect(rename).toMatch(/,was orders-worker,orders-worker,'=payments$/);
    // No secret, in any form, in any format.
    for (const secret of [a.clientSecret, b.clientSecret, c.clientSecret, rotated.clientSecret, admin.clientSecret]) {
      for (const body of [csv, json, api]) expect(body).not.toContain(secret);
    }
  });
});

describe("activity query plans", () => {
  it("serve each filter from an index, never a scan of the whole table", async () => {
    const owner = await makeMember("OWNER");
    const org = owner.organizationId;
    const cluster = crypto.randomUUID();
    // 20,000 events: a planner that could scan or sort them would show it.
    await db().$executeRaw`
      INSERT INTO audit_events (organization_id, cluster_id, actor_id, actor_email, actor_name, action, target_type, target_id, target_name, created_at)
      SELECT ${org}::uuid, CASE WHEN g % 50 = 0 THEN ${cluster}::uuid END, ${owner.userId}::uuid, ${owner.email}, ${owner.name},
             CASE WHEN g % 1000 = 0 THEN 'cluster.deleted' ELSE 'client.created' END, 'api_client', 'c' || g, 'n' || g,
             now() - (20000 - g) * interval '1 minute'
        FROM generate_series(1, 20000) g`;
    await db().$executeRawUnsafe("ANALYZE audit_events");
    const plan = async (where: string) => {
      const rows = await db().$queryRawUnsafe<{ "QUERY PLAN": string }[]>(
        `EXPLAIN SELECT * FROM audit_events WHERE organization_id = '${org}' ${where} ORDER BY id DESC LIMIT 26`,
      );
      return rows.map((r) => r["QUERY PLAN"]).join("\n");
    };
    for (const where of [
      "",
      `AND id < 9223372036854775807`,
      `AND cluster_id = '${cluster}'`,
      `AND actor_id = '${owner.userId}'`,
      "AND action = 'cluster.deleted'",
      "AND action LIKE 'client.%'",
      `AND created_at >= now() - interval '2 days' AND created_at < now() - interval '1 day'`,
    ]) {
      const text = await plan(where);
      expect(text, where).toMatch(/Index Scan|Bitmap Index Scan/);
      expect(text, where).not.toMatch(/Seq Scan/);
    }
    // A rare action is found through its own index, not by walking the trail.
    expect(await plan("AND action = 'cluster.deleted'")).toContain("audit_events_organization_id_action_id_idx");
  });
});
