// Revoke a client: it and every secret it has stop working at once. The rows
// stay (revoked_at set), so the audit trail and the list can still show them.
import "server-only";
import { db, type Tx } from "@/lib/db/client";
import type { Principal } from "@/lib/auth/principal";
import { lockLiveClient } from "@/lib/api-clients/lock-client";
import { recordClientEvent } from "@/lib/api-clients/client-audit";

export async function revokeClient(
  member: Principal,
  input: { clusterId: string | null; clientId: string },
): Promise<{ clientId: string; revokedAt: Date }> {
  return db().$transaction((tx) => revokeClientIn(tx, member, input));
}

/**
 * The same inside a transaction of the caller's: a role change or removal
 * revokes the credentials its member created with it (lib/members), so the
 * change and the revocations commit, or fail, together. `reason` goes into
 * the audit event's metadata.
 */
export async function revokeClientIn(
  tx: Tx,
  member: Principal,
  input: { clusterId: string | null; clientId: string },
  reason?: string,
): Promise<{ clientId: string; revokedAt: Date }> {
  const client = await lockLiveClient(tx, member.organizationId, input);
  const { now } = client;
  await tx.apiClient.update({
    where: { id: client.id },
    data: { revokedAt: now, revokedByEmail: member.email },
    select: { id: true },
  });
  const { count } = await tx.clientSecret.updateMany({
    where: { apiClientId: client.id, revokedAt: null },
    data: { revokedAt: now },
  });
  await recordClientEvent(tx, member, client, "revoked", { clientId: client.clientId, secretsRevoked: count, ...(reason ? { reason } : {}) });
  return { clientId: client.clientId, revokedAt: now };
}
