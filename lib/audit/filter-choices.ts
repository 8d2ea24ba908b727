// The choices of the Activity filters: the actors present in the
// organization's trail (former members included, by the name they acted
// under) and its clusters (deleted ones included, marked).
import "server-only";
import { db } from "@/lib/db/client";

export interface FilterChoice {
  value: string;
  label: string;
}

export async function activityActors(organizationId: string): Promise<FilterChoice[]> {
  // Each actor once, with the name of their newest event.
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

export async function activityClusters(organizationId: string): Promise<FilterChoice[]> {
  const rows = await db().cluster.findMany({
    where: { organizationId },
    select: { id: true, name: true, deletedAt: true },
    orderBy: [{ name: "asc" }, { createdAt: "asc" }],
  });
  return rows.map((c) => ({ value: c.id, label: c.deletedAt ? `${c.name} (deleted)` : c.name }));
}
