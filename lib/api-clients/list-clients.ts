// One page of a cluster's API clients, newest first. Pages are bounded
// (CLIENT_PAGE_SIZE rows) so a cluster with thousands of clients renders as
// fast as one with ten. Offset paging is fine at this scale (an index on
// (cluster_id, created_at) serves it) and gives users numbered pages.
import "server-only";
import { db } from "@/lib/db/client";
import type { ClientScopeName } from "@/lib/api-clients/scopes";

export const CLIENT_PAGE_SIZE = 20;

export type ClientStatus = "active" | "rotating" | "revoked";

/** What the list shows about a client. Never a secret or its hash. */
export interface ApiClientView {
  clientId: string;
  name: string;
  scopes: ClientScopeName[];
  createdByEmail: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  revokedByEmail: string | null;
  status: ClientStatus;
  /** Last four characters of the newest live secret. */
  secretHint: string | null;
  /** During a rotation: when the previous secret stops working. */
  previousSecretExpiresAt: Date | null;
}

export interface ApiClientPage {
  clients: ApiClientView[];
  page: number;
  pageCount: number;
  total: number;
  pageSize: number;
}

export async function listClients(
  organizationId: string,
  clusterId: string,
  opts: { page?: number; pageSize?: number; now?: Date } = {},
): Promise<ApiClientPage> {
  const pageSize = opts.pageSize ?? CLIENT_PAGE_SIZE;
  const now = opts.now ?? new Date();
  const where = { organizationId, clusterId };
  const total = await db().apiClient.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  // A page past the end shows the last page rather than an empty one.
  const page = Math.min(Math.max(1, Math.floor(opts.page ?? 1)), pageCount);
  const rows = await db().apiClient.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: (page - 1) * pageSize,
    take: pageSize,
    select: {
      clientId: true,
      name: true,
      scopes: true,
      createdByEmail: true,
      createdAt: true,
      lastUsedAt: true,
      revokedAt: true,
      revokedByEmail: true,
      secrets: {
        where: { revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        take: 2,
        select: { hint: true, expiresAt: true },
      },
    },
  });
  const clients = rows.map(({ secrets, ...c }): ApiClientView => {
    const revoked = c.revokedAt !== null;
    return {
      ...c,
      scopes: c.scopes,
      status: revoked ? "revoked" : secrets.length > 1 ? "rotating" : "active",
      secretHint: revoked ? null : (secrets[0]?.hint ?? null),
      previousSecretExpiresAt: !revoked && secrets.length > 1 ? (secrets[1]!.expiresAt ?? null) : null,
    };
  });
  return { clients, page, pageCount, total, pageSize };
}
