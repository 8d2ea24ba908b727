// An organization's Administration API clients, newest first, live and
// revoked. Organizations keep a handful of these (one per pipeline or tool),
// so the list is not paged; it is bounded all the same.
import "server-only";
import { db } from "@/lib/db/client";
import type { ClientSummary } from "@/lib/api-clients/list-clients";
import { sortAdminPermissions, type AdminPermissionName } from "@cluster-console/credentials";
import { NEWEST_SECRET_FIRST, liveSecretWhere } from "@/lib/api-clients/live-secrets";

export const ADMIN_CLIENT_LIST_LIMIT = 500;

/** What the Administration API tab shows about a client. */
export interface AdminClientView extends ClientSummary {
  permissions: AdminPermissionName[];
}

export async function listAdminClients(organizationId: string, opts: { now?: Date } = {}): Promise<AdminClientView[]> {
  const now = opts.now ?? new Date();
  const rows = await db().apiClient.findMany({
    where: { organizationId, clusterId: null },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: ADMIN_CLIENT_LIST_LIMIT,
    select: {
      clientId: true,
      name: true,
      adminPermissions: true,
      createdByEmail: true,
      createdAt: true,
      lastUsedAt: true,
      revokedAt: true,
      revokedByEmail: true,
      secrets: {
        where: liveSecretWhere(now),
        orderBy: NEWEST_SECRET_FIRST,
        take: 2,
        select: { hint: true, expiresAt: true },
      },
    },
  });
  return rows.map(({ secrets, adminPermissions, ...c }): AdminClientView => {
    const revoked = c.revokedAt !== null;
    return {
      ...c,
      permissions: sortAdminPermissions(adminPermissions as AdminPermissionName[]),
      status: revoked ? "revoked" : secrets.length > 1 ? "rotating" : "active",
      secretHint: revoked ? null : (secrets[0]?.hint ?? null),
      previousSecretExpiresAt: !revoked && secrets.length > 1 ? (secrets[1]!.expiresAt ?? null) : null,
    };
  });
}
