// One live API client of a live cluster of the organization, or null: what
// the Administration API shows as connection details. Never a secret: its
// unrevoked secrets appear as when they were issued and when they expire.
import "server-only";
import { db } from "@/lib/db/client";

export async function getLiveClient(organizationId: string, clusterId: string, clientId: string) {
  const row = await db().apiClient.findFirst({
    where: { clientId, clusterId, organizationId, revokedAt: null, cluster: { deletedAt: null } },
    select: {
      clientId: true,
      name: true,
      description: true,
      scopes: true,
      cluster: { select: { id: true, region: true } },
      tokenTtlSeconds: true,
      tokenRateLimit: true,
      secrets: { where: { revokedAt: null }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: { createdAt: true, expiresAt: true } },
    },
  });
  if (!row?.cluster) return null;
  return { clientId: row.clientId, name: row.name, description: row.description, scopes: row.scopes, cluster: row.cluster, secrets: row.secrets, tokenTtlSeconds: row.tokenTtlSeconds, tokenRateLimit: row.tokenRateLimit };
}
