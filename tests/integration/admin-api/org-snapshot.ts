// Everything an Administration API request could write for one organization,
// as one comparable string: clusters, members (and their accounts), API
// clients, secrets, webhook endpoints and audit events. last_used_at is left out: every
// authenticated request records its client's last use, refused or not.
import { db } from "@/lib/db/client";

export async function orgSnapshot(organizationId: string): Promise<string> {
  const rows = await db().$queryRaw<{ s: string }[]>`
    SELECT concat_ws(' || ',
      (SELECT string_agg(x::text, '|' ORDER BY x.id) FROM clusters x WHERE x.organization_id = ${organizationId}::uuid),
      (SELECT string_agg(x::text, '|' ORDER BY x.id) FROM memberships x WHERE x.organization_id = ${organizationId}::uuid),
      (SELECT string_agg(u::text, '|' ORDER BY u.id) FROM users u JOIN memberships m ON m.user_id = u.id WHERE m.organization_id = ${organizationId}::uuid),
      (SELECT string_agg((to_jsonb(x) - 'last_used_at')::text, '|' ORDER BY x.id) FROM api_clients x WHERE x.organization_id = ${organizationId}::uuid),
      (SELECT string_agg(s::text, '|' ORDER BY s.id) FROM client_secrets s JOIN api_clients c ON c.id = s.api_client_id WHERE c.organization_id = ${organizationId}::uuid),
      (SELECT string_agg((to_jsonb(x) - 'consecutive_failures')::text, '|' ORDER BY x.id) FROM webhook_endpoints x WHERE x.organization_id = ${organizationId}::uuid),
      (SELECT count(*)::text FROM audit_events x WHERE x.organization_id = ${organizationId}::uuid),
      (SELECT max(id)::text FROM audit_events x WHERE x.organization_id = ${organizationId}::uuid)
    ) AS s`;
  return rows[0]!.s;
}
