// The one way to load a client for a change (rotate, revoke): scoped to the
// member's organization and a live cluster, then locked FOR UPDATE so that
// concurrent rotations and revocations of the same client run one after the
// other and each sees the other's result.
import "server-only";
import type { Tx } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors";

export interface LockedClient {
  id: string;
  clientId: string;
  clusterId: string;
  name: string;
  scopes: string[];
  /** The database clock, read once the lock is held (see below). */
  now: Date;
}

export async function lockLiveClient(
  tx: Tx,
  organizationId: string,
  ref: { clusterId: string; clientId: string },
): Promise<LockedClient> {
  // Organization and cluster are part of the lookup: another tenant's client
  // is indistinguishable from one that does not exist.
  const client = await tx.apiClient.findFirst({
    where: {
      clientId: ref.clientId,
      clusterId: ref.clusterId,
      organizationId,
      cluster: { deletedAt: null },
    },
    select: { id: true, clientId: true, clusterId: true, name: true, scopes: true },
  });
  if (!client) throw notFound("API client");
  // Re-read revoked_at under the row lock: a revocation that committed while
  // we waited is seen here, so a revoked client is never rotated.
  // The time comes from the database after the lock is granted: it orders
  // serialized rotations correctly even when application clocks disagree or
  // a transaction started before the one it waited for (CURRENT_TIMESTAMP
  // would be the transaction start, not the moment the lock was granted).
  const locked = await tx.$queryRaw<{ revoked_at: Date | null; now: Date }[]>`
    SELECT revoked_at, clock_timestamp() AS now FROM api_clients WHERE id = ${client.id}::uuid FOR UPDATE`;
  if (locked.length === 0) throw notFound("API client");
  if (locked[0]!.revoked_at) {
    throw new AppError("conflict", `The client “${client.name}” is revoked. Create a new client instead.`);
  }
  return { ...client, now: locked[0]!.now };
}
