// The live secrets that outlive the organization's maximum secret age: they
// never expire, or expire later than the maximum after they were issued. A
// new maximum applies to secrets issued from then on; these keep working
// until their own expiry (never, for those without one) unless someone
// rotates their clients. The secrets page counts and lists them so that the
// owners can. Hints only, never a digest.
import "server-only";
import { db } from "@/lib/db/client";

export interface SecretOverMaxAge {
  clientId: string;
  clientName: string;
  /** null: Administration API credentials. */
  clusterId: string | null;
  clusterName: string | null;
  hint: string;
  createdAt: Date;
  /** null: never expires. */
  expiresAt: Date | null;
}

/** The first `limit` of them (never-expiring first, then the latest expiry) and how many there are. */
export async function secretsOverMaxAge(
  organizationId: string,
  maxSecretAgeDays: number,
  limit = 50,
): Promise<{ total: number; secrets: SecretOverMaxAge[] }> {
  const rows = await db().$queryRaw<
    { client_id: string; name: string; cluster_id: string | null; cluster_name: string | null; hint: string; created_at: Date; expires_at: Date | null; total: number }[]
  >`
    SELECT c.client_id, c.name, c.cluster_id::text, cl.name AS cluster_name, s.hint, s.created_at, s.expires_at,
           (count(*) OVER ())::int AS total
      FROM client_secrets s
      JOIN api_clients c ON c.id = s.api_client_id
      LEFT JOIN clusters cl ON cl.id = c.cluster_id
     WHERE c.organization_id = ${organizationId}::uuid
       AND c.revoked_at IS NULL
       AND (c.cluster_id IS NULL OR cl.deleted_at IS NULL)
       AND s.revoked_at IS NULL
       AND (s.expires_at IS NULL OR s.expires_at > clock_timestamp())
       AND (s.expires_at IS NULL OR s.expires_at > s.created_at + make_interval(days => ${maxSecretAgeDays}::int))
     ORDER BY s.expires_at DESC NULLS FIRST, s.created_at, s.id
     LIMIT ${limit}`;
  return {
    total: rows[0]?.total ?? 0,
    secrets: rows.map((r) => ({
      clientId: r.client_id,
      clientName: r.name,
      clusterId: r.cluster_id,
      clusterName: r.cluster_name,
      hint: r.hint,
      createdAt: r.created_at,
      expiresAt: r.expires_at,
    })),
  };
}
