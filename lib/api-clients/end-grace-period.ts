// End a rotation's grace period now: the previous secret (every live secret
// but the newest) stops working at once, without issuing another one. For a
// secret that leaked after a rotation with grace, or when every application
// already runs on the new one.
import "server-only";
import { db } from "@/lib/db/client";
import type { Principal } from "@/lib/auth/principal";
import { AppError } from "@/lib/errors";
import { lockLiveClient } from "@/lib/api-clients/lock-client";
import { recordClientEvent } from "@/lib/api-clients/client-audit";
import { NEWEST_SECRET_FIRST, liveSecretWhere } from "@/lib/api-clients/live-secrets";

export async function endGracePeriod(
  member: Principal,
  input: { clusterId: string | null; clientId: string },
): Promise<{ clientId: string; secretsRevoked: number }> {
  return db().$transaction(async (tx) => {
    // The lock orders this after any rotation or revocation of the same client.
    const client = await lockLiveClient(tx, member.organizationId, input);
    const { now } = client;
    const live = await tx.clientSecret.findMany({
      where: { apiClientId: client.id, ...liveSecretWhere(now) },
      orderBy: NEWEST_SECRET_FIRST,
      select: { id: true, expiresAt: true },
    });
    const previous = live.slice(1);
    if (previous.length === 0) {
      throw new AppError("conflict", `“${client.name}” has no previous secret in a grace period: only its current secret works.`);
    }
    await tx.clientSecret.updateMany({ where: { id: { in: previous.map((s) => s.id) } }, data: { revokedAt: now } });
    await recordClientEvent(tx, member, client, "grace_period_ended", {
      clientId: client.clientId,
      secretsRevoked: previous.length,
      // When the previous secret would have stopped working.
      previousSecretExpiresAt: previous[0]!.expiresAt?.toISOString() ?? null,
    });
    return { clientId: client.clientId, secretsRevoked: previous.length };
  });
}
