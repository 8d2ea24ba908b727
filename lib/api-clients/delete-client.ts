// Delete a revoked client's row for good, with its secrets' hashes. Only a
// client that is already revoked can go: revocation is what stops it working
// (and what every instance's cache already honours), so deleting changes
// nothing at the token endpoint and relies on no cache purge. Its audit
// events stay: they carry the client ID and name, not a reference to the row.
import "server-only";
import { db } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors";
import { recordEvent } from "@/lib/audit/record-event";
import type { Member } from "@/lib/auth/session";

export async function deleteClient(member: Member, input: { clusterId: string; clientId: string }): Promise<{ clientId: string }> {
  return db().$transaction(async (tx) => {
    const client = await tx.apiClient.findFirst({
      where: { clientId: input.clientId, clusterId: input.clusterId, organizationId: member.organizationId, cluster: { deletedAt: null } },
      select: { id: true, clientId: true, clusterId: true, name: true },
    });
    if (!client) throw notFound("API client");
    // Under the row lock, so a client is never deleted while live.
    const locked = await tx.$queryRaw<{ revoked_at: Date | null }[]>`
      SELECT revoked_at FROM api_clients WHERE id = ${client.id}::uuid FOR UPDATE`;
    if (locked.length === 0) throw notFound("API client");
    if (!locked[0]!.revoked_at) {
      throw new AppError("conflict", `Revoke “${client.name}” before deleting it.`);
    }
    await tx.apiClient.delete({ where: { id: client.id }, select: { id: true } });
    await recordEvent(tx, {
      organizationId: member.organizationId,
      clusterId: client.clusterId,
      actor: member,
      action: "client.deleted",
      target: { type: "api_client", id: client.clientId, name: client.name },
      metadata: { clientId: client.clientId },
    });
    return { clientId: client.clientId };
  });
}
