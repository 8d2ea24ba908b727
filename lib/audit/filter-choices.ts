// The choices of the Activity filters: the actors present in the
// organization's trail (former members included, by the name they acted
// under) and its clusters (deleted ones included, marked; equal names told
// apart by their IDs).
import "server-only";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";

export interface FilterChoice {
  value: string;
  label: string;
}

/**
 * Each actor once (API clients by client ID, members by user ID), with the
 * name and email of their newest event. A trail holds millions of events and
 * a handful of actors, so this is a loose index scan: each step descends the
 * (organization_id, actor, id DESC) index once to the next actor's newest
 * event, and the cost follows the number of actors, not of events. A client's
 * event has no user ID; should one carry both, it counts as the client's,
 * hence `actor_client_id IS NULL` on the members' side. Exported for the test
 * that reads its plan.
 */
export function actorChoicesQuery(organizationId: string): Prisma.Sql {
  const org = Prisma.sql`${organizationId}::uuid`;
  return Prisma.sql`
    WITH RECURSIVE clients AS (
      (SELECT actor_client_id, actor_name, actor_email FROM audit_events
        WHERE organization_id = ${org} AND actor_client_id IS NOT NULL
        ORDER BY actor_client_id, id DESC LIMIT 1)
      UNION ALL
      SELECT n.* FROM clients c CROSS JOIN LATERAL (
        SELECT actor_client_id, actor_name, actor_email FROM audit_events
         WHERE organization_id = ${org} AND actor_client_id > c.actor_client_id
         ORDER BY actor_client_id, id DESC LIMIT 1) n
    ), members AS (
      (SELECT actor_id, actor_name, actor_email FROM audit_events
        WHERE organization_id = ${org} AND actor_id IS NOT NULL AND actor_client_id IS NULL
        ORDER BY actor_id, id DESC LIMIT 1)
      UNION ALL
      SELECT n.* FROM members m CROSS JOIN LATERAL (
        SELECT actor_id, actor_name, actor_email FROM audit_events
         WHERE organization_id = ${org} AND actor_id > m.actor_id AND actor_client_id IS NULL
         ORDER BY actor_id, id DESC LIMIT 1) n
    )
    SELECT 'client:' || actor_client_id AS key, COALESCE(actor_name, actor_email) AS name, actor_email AS email, true AS client FROM clients
    UNION ALL
    SELECT 'user:' || actor_id::text, COALESCE(actor_name, actor_email), actor_email, false FROM members`;
}

export async function activityActors(organizationId: string): Promise<FilterChoice[]> {
  const rows = await db().$queryRaw<{ key: string; name: string; email: string; client: boolean }[]>(actorChoicesQuery(organizationId));
  // By label; equal labels (a name reused by new credentials) by key, so the order never depends on the plan.
  return rows
    .map((r) => ({ value: r.key, label: r.client || r.name === r.email ? r.name : `${r.name} (${r.email})` }))
    .sort((a, b) => a.label.localeCompare(b.label) || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
}

export async function activityClusters(organizationId: string): Promise<FilterChoice[]> {
  const rows = await db().cluster.findMany({
    where: { organizationId },
    select: { id: true, name: true, deletedAt: true },
    orderBy: [{ name: "asc" }, { createdAt: "asc" }],
  });
  // Live names are unique (ignoring case), but a deleted cluster may share one with a live one, and
  // older trails may hold duplicates: where two labels could be confused, each carries its ID's start,
  // as the cluster's Overview shows it.
  const seen = new Map<string, number>();
  for (const c of rows) seen.set(c.name.toLowerCase(), (seen.get(c.name.toLowerCase()) ?? 0) + 1);
  return rows.map((c) => {
    const id = (seen.get(c.name.toLowerCase()) ?? 0) > 1 ? ` · ${c.id.slice(0, 8)}` : "";
    return { value: c.id, label: `${c.name}${id}${c.deletedAt ? " (deleted)" : ""}` };
  });
}
