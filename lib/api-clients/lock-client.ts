// The one way to load a client for a change (rotate, revoke, edit): scoped to the
// organization and either a live cluster or, with clusterId null, to the
// organization-level (Administration API) clients; then locked FOR UPDATE so that
// concurrent rotations and revocations of the same client run one after the
// other and each sees the other's result.
import "server-only";
import type { ClientScopeName } from "@cluster-console/credentials";
import type { Tx } from "@/lib/db/client";
import type { AdminPermission } from "@/lib/generated/prisma/enums";
import { AppError, notFound } from "@/lib/errors";

export interface LockedClient {
  id: string;
  clientId: string;
  /** null for an Administration API client. */
  clusterId: string | null;
  name: string;
  description: string;
  scopes: ClientScopeName[];
  adminPermissions: AdminPermission[];
  /** The database clock, read once the lock is held (see below). */
  now: Date;
}

export async function lockLiveClient(
  tx: Tx,
  organizationId: string,
  ref: { clusterId: string | null; clientId: string },
): Promise<LockedClient> {
  // Organization and cluster are part of the lookup: another tenant's client
  // is indistinguishable from one that does not exist.
  const client = await tx.apiClient.findFirst({
    where: {
      clientId: ref.clientId,
      organizationId,
      // A cluster client is found only through its (live) cluster, an admin
      // client only as one: neither kind can be changed as the other.
      ...(ref.clusterId === null ? { clusterId: null } : { clusterId: ref.clusterId, cluster: { deletedAt: null } }),
    },
    select: { id: true, clientId: true, clusterId: true, name: true, description: true, scopes: true, adminPermissions: true },
  });
  if (!client) throw notFound(ref.clusterId === null ? "Administration API client" : "API client");
  // Re-read revoked_at under the row lock: a revocation that committed while
  // we waited is seen here, so a revoked client is never rotated.
  // The time comes from the database after the lock is granted: it orders
  // serialized rotations correctly even when application clocks disagree or
  // a transaction started before the one it waited for (CURRENT_TIMESTAMP
  // would be the transaction start, not the moment the lock was granted).
  const locked = await tx.$queryRaw<{ revoked_at: Date | null; now: Date }[]>`
    SELECT revoked_at, clock_timestamp() AS now FROM api_clients WHERE id = ${client.id}::uuid FOR UPDATE`;
  if (locked.length === 0) throw notFound(ref.clusterId === null ? "Administration API client" : "API client");
  if (locked[0]!.revoked_at) {
    throw new AppError("conflict", `The client “${client.name}” is revoked. Create a new client instead.`);
  }
  return { ...client, now: locked[0]!.now };
}
