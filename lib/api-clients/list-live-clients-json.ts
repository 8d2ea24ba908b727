// A cluster's live API clients as the Administration API's JSON array
// ([{clientId, name, description, permissions, secretExpiresAt, secrets,
// tokenLifetimeSeconds, tokenRateLimit}],
// oldest first), or null when the cluster is not a live cluster of the
// organization. PostgreSQL builds the JSON in the same query that checks
// tenancy: a cluster with thousands of clients is one round trip and one
// string, with no per-row work in Node. Permissions get Camunda's names
// (ZEEBE -> Zeebe, ...) from initcap over the array's text form (half the cost
// of a per-row subquery), in their stored order, which is canonical: every
// writer sorts scopes before storing them. Secrets appear as when they were
// issued and when they expire: never a digest or a hint.
import "server-only";
import { db } from "@/lib/db/client";

export async function listLiveClientsJson(organizationId: string, clusterId: string): Promise<string | null> {
  const rows = await db().$queryRaw<{ json: string }[]>`
    SELECT COALESCE((
      SELECT json_agg(json_build_object(
               'clientId', c.client_id,
               'name', c.name,
               'description', c.description,
               'permissions', initcap(c.scopes::text)::text[],
               'secretExpiresAt', s.secrets -> 0 -> 'expiresAt',
               'secrets', COALESCE(s.secrets, '[]'::json),
               'tokenLifetimeSeconds', c.token_ttl_seconds,
               'tokenRateLimit', c.token_rate_limit)
             ORDER BY c.created_at, c.id)
        FROM api_clients c
        LEFT JOIN LATERAL (
          SELECT json_agg(json_build_object(
                   'created', to_char(cs.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
                   'expiresAt', to_char(cs.expires_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
                 ORDER BY cs.created_at DESC, cs.id DESC) AS secrets
            FROM client_secrets cs
           WHERE cs.api_client_id = c.id AND cs.revoked_at IS NULL
        ) s ON true
       WHERE c.cluster_id = cl.id AND c.revoked_at IS NULL), '[]')::text AS json
      FROM clusters cl
     WHERE cl.id = ${clusterId}::uuid AND cl.organization_id = ${organizationId}::uuid AND cl.deleted_at IS NULL`;
  return rows[0]?.json ?? null;
}
