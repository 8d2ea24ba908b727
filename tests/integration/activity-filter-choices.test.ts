// The Activity page's actor choices: who acted, each once under their newest
// name, and read at the cost of the answer (one index probe per actor), not
// of the trail.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { activityActors, actorChoicesQuery, type FilterChoice } from "@/lib/audit/filter-choices";
import { renameAccount } from "@/lib/account/rename-account";
import { createCluster } from "@/lib/clusters/create-cluster";
import { createClient } from "@/lib/api-clients/create-client";
import { createAdminClient } from "@/lib/api-clients/create-admin-client";
import { revokeClient } from "@/lib/api-clients/revoke-client";
import { removeMember } from "@/lib/members/remove-member";
import { makeMember, uniq } from "@/tests/support/factories";
import type { Member } from "@/lib/auth/session";

/** The choices as the first version computed them, from every event of the trail: the reference for content and order. */
async function fromWholeTrail(organizationId: string): Promise<FilterChoice[]> {
  const rows = await db().$queryRaw<{ key: string; name: string; email: string; client: boolean }[]>`
    SELECT DISTINCT ON (key) key, name, email, client
      FROM (SELECT CASE WHEN actor_client_id IS NOT NULL THEN 'client:' || actor_client_id ELSE 'user:' || actor_id::text END AS key,
                   COALESCE(actor_name, actor_email) AS name, actor_email AS email, actor_client_id IS NOT NULL AS client, id
              FROM audit_events
             WHERE organization_id = ${organizationId}::uuid
               AND (actor_id IS NOT NULL OR actor_client_id IS NOT NULL)) a
     ORDER BY key, id DESC`;
  return rows
    .map((r) => ({ value: r.key, label: r.client || r.name === r.email ? r.name : `${r.name} (${r.email})` }))
    .sort((a, b) => a.label.localeCompare(b.label));
}

/** Administration API credentials named `name` that change something (a client revoked), so they are an actor. */
async function adminClientActs(owner: Member, clusterId: string, name: string) {
  const admin = await createAdminClient(owner, { name, permissions: ["CLUSTERS_GET"] });
  const victim = await createClient(owner, { clusterId, name: `victim-${uniq()}`, scopes: ["ZEEBE"] });
  const actor = { organizationId: owner.organizationId, userId: null, clientId: admin.clientId, email: `${name} (API client)`, role: "ADMIN" as const };
  await revokeClient(actor, { clusterId, clientId: victim.clientId });
  return admin;
}

describe("activity actor choices", () => {
  it("list each member and API client who acted once, under their newest name, sorted by label; never another organization's", async () => {
    const owner = await makeMember("OWNER");
    const org = { id: owner.organizationId, name: owner.organizationName };
    const ops = await makeMember("OPERATIONS_ENGINEER", org);
    const idle = await makeMember("DEVELOPER", org); // a member who never acted is no choice
    const cluster = await createCluster(owner, { name: `eu-${uniq()}`, region: "bru-2" });
    await createCluster(ops, { name: `us-${uniq()}`, region: "jfk-1" });
    await removeMember(owner, { userId: ops.userId }); // a former member stays a choice
    // Two credentials of one name (the first revoked, the name reused): one label, two choices, in a fixed order.
    const first = await adminClientActs(owner, cluster.id, "deploy");
    await revokeClient(owner, { clusterId: null, clientId: first.clientId });
    const second = await adminClientActs(owner, cluster.id, "deploy");
    // The owner's older events (the rename itself too) carry the old name; the newest one wins.
    await renameAccount(owner, { name: "Ada Lovelace" });
    await createCluster({ ...owner, name: "Ada Lovelace" }, { name: `ap-${uniq()}`, region: "jfk-1" });

    const theirOwner = await makeMember("OWNER");
    const theirCluster = await createCluster(theirOwner, { name: `eu-${uniq()}`, region: "bru-2" });
    const theirAdmin = await adminClientActs(theirOwner, theirCluster.id, "deploy");

    const [lo, hi] = [first.clientId, second.clientId].sort();
    const mine = await activityActors(owner.organizationId);
    expect(mine).toEqual([
      { value: `user:${owner.userId}`, label: `Ada Lovelace (${owner.email})` },
      { value: `client:${lo}`, label: "deploy (API client)" },
      { value: `client:${hi}`, label: "deploy (API client)" },
      { value: `user:${ops.userId}`, label: `${ops.name} (${ops.email})` },
    ]);
    expect(mine.map((a) => a.value)).not.toContain(`user:${idle.userId}`);
    // The same list, in the same order, as reading every event would give.
    expect(mine).toEqual(await fromWholeTrail(owner.organizationId));

    const theirs = await activityActors(theirOwner.organizationId);
    expect(theirs).toEqual([
      { value: `client:${theirAdmin.clientId}`, label: "deploy (API client)" },
      { value: `user:${theirOwner.userId}`, label: `${theirOwner.name} (${theirOwner.email})` },
    ]);
    expect(theirs).toEqual(await fromWholeTrail(theirOwner.organizationId));
    expect(await activityActors(crypto.randomUUID())).toEqual([]);
  });

  it("cost one index probe per actor, not a read of the trail (50,000 events, 5 actors)", async () => {
    const owner = await makeMember("OWNER");
    const org = owner.organizationId;
    const members = [owner.userId, crypto.randomUUID(), crypto.randomUUID()];
    const clients = [`ci_${uniq()}`, `ci_${uniq()}`];
    // Events 1..50,000 take turns: three members, then two API clients.
    await db().$executeRaw`
      INSERT INTO audit_events (organization_id, actor_id, actor_email, actor_name, actor_client_id, action, target_type, target_id, target_name)
      SELECT ${org}::uuid,
             (${members}::uuid[])[g % 5 + 1],
             CASE WHEN g % 5 < 3 THEN 'member' || g % 5 || '@example.com' ELSE 'ci' || g % 5 || ' (API client)' END,
             CASE WHEN g % 5 < 3 THEN 'Member ' || g % 5 || ' v' || g ELSE 'ci' || g % 5 || ' (API client)' END,
             (${clients}::text[])[g % 5 - 2],
             'cluster.renamed', 'cluster', 'c' || g, 'n' || g
        FROM generate_series(1, 50000) g`;
    await db().$executeRawUnsafe("ANALYZE audit_events");

    const choices = await activityActors(org);
    expect(choices.map((c) => c.value).sort()).toEqual([...clients.map((c) => `client:${c}`), ...members.map((m) => `user:${m}`)].sort());
    // The newest event's name: member 0 acted last, at event 50,000.
    expect(choices).toContainEqual({ value: `user:${owner.userId}`, label: "Member 0 v50000 (member0@example.com)" });

    const [row] = await db().$queryRaw<{ "QUERY PLAN": unknown }[]>(Prisma.sql`EXPLAIN (ANALYZE, FORMAT JSON) ${actorChoicesQuery(org)}`);
    const raw = row!["QUERY PLAN"];
    const plan = (typeof raw === "string" ? JSON.parse(raw) : raw) as [{ Plan: PlanNode }];
    const scans = planNodes(plan[0].Plan).filter((n) => n["Relation Name"] === "audit_events");
    expect(scans.length).toBeGreaterThan(0);
    expect(scans.map((n) => n["Node Type"])).not.toContain("Seq Scan");
    expect(scans.map((n) => n["Node Type"])).not.toContain("Bitmap Heap Scan");
    // Rows the scans produced or read and dropped: a handful per actor, against 50,000 in the trail.
    const examined = scans.reduce(
      (sum, n) => sum + (n["Actual Rows"] + (n["Rows Removed by Filter"] ?? 0) + (n["Rows Removed by Index Recheck"] ?? 0)) * n["Actual Loops"],
      0,
    );
    expect(examined).toBeLessThanOrEqual(20);
  });
});

interface PlanNode {
  "Node Type": string;
  "Relation Name"?: string;
  "Actual Rows": number;
  "Actual Loops": number;
  "Rows Removed by Filter"?: number;
  "Rows Removed by Index Recheck"?: number;
  Plans?: PlanNode[];
}

function planNodes(node: PlanNode): PlanNode[] {
  return [node, ...(node.Plans ?? []).flatMap(planNodes)];
}
