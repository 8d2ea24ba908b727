// One API client of one cluster, for the client's own page: what the list
// shows, plus each live secret (hint, created, expires, last use and the
// source address it came from). Authorized inside the query: the
// organization and the cluster are in the `where`, so another tenant's
// client is a miss (null), never its row. Never a secret or its hash.
import { storedAllowlist, type IpAllowlistEntry } from "@/lib/ip-allowlists/ip-allowlist";
import "server-only";
import { db } from "@/lib/db/client";
import { EXPIRY_WARNING_MS, clientStatus, type ApiClientView } from "@/lib/api-clients/list-clients";
import { NEWEST_SECRET_FIRST, liveSecretWhere } from "@/lib/api-clients/live-secrets";

export interface LiveSecretView {
  /** Last four characters. */
  hint: string;
  createdAt: Date;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  /** The source address of that last use (as the token endpoint saw it, behind trusted proxies). */
  lastUsedAddress: string | null;
}

export interface ClientDetails extends ApiClientView {
  /** The row's ID (leak records are keyed by it); never shown. */
  rowId: string;
  /** Newest first; empty for a revoked client. */
  secrets: LiveSecretView[];
  /** The client's own IP allowlist (narrower than its cluster's); [] = the cluster's. */
  ipAllowlist: IpAllowlistEntry[];
}

export async function getClientDetails(organizationId: string, clusterId: string, clientId: string, now = new Date()): Promise<ClientDetails | null> {
  // Any stored ID (the console makes 32 letters and digits; older or imported
  // rows may differ); a value that could name none is a miss without a query.
  if (!/^[A-Za-z0-9_-]{1,100}$/.test(clientId)) return null;
  const row = await db().apiClient.findFirst({
    where: { clientId, organizationId, clusterId, cluster: { organizationId, deletedAt: null } },
    select: {
      clientId: true,
      name: true,
      description: true,
      scopes: true,
      createdByEmail: true,
      createdAt: true,
      lastUsedAt: true,
      revokedAt: true,
      revokedByEmail: true,
      ipAllowlist: true,
      tokenTtlSeconds: true,
      tokenRateLimit: true,
      id: true,
      secrets: {
        where: liveSecretWhere(now),
        orderBy: NEWEST_SECRET_FIRST,
        select: { hint: true, createdAt: true, expiresAt: true, lastUsedAt: true, lastUsedAddress: true },
      },
    },
  });
  if (!row) return null;
  const revoked = row.revokedAt !== null;
  const secrets = revoked ? [] : row.secrets;
  const soon = new Date(now.getTime() + EXPIRY_WARNING_MS);
  const current = secrets[0];
  return {
    clientId: row.clientId,
    ipAllowlist: storedAllowlist(row.ipAllowlist),
    name: row.name,
    description: row.description,
    scopes: row.scopes,
    createdByEmail: row.createdByEmail,
    createdAt: row.createdAt,
    lastUsedAt: row.lastUsedAt,
    revokedAt: row.revokedAt,
    revokedByEmail: row.revokedByEmail,
    status: clientStatus(revoked, secrets.length, current?.expiresAt ?? null, soon),
    secretHint: current?.hint ?? null,
    secretExpiresAt: current?.expiresAt ?? null,
    previousSecretExpiresAt: secrets.length > 1 ? (secrets[1]?.expiresAt ?? null) : null,
    tokenTtlSeconds: row.tokenTtlSeconds,
    tokenRateLimit: row.tokenRateLimit,
    rowId: row.id,
    secrets,
  };
}
