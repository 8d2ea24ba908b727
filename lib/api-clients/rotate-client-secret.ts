// Rotate a client's secret: issue a new one and either revoke the current one
// at once or let it keep working for a grace period, so deployed applications
// can switch over without downtime. A client never has more than two live
// secrets: the new one and, during a grace period, the one it replaces.
import "server-only";
import { db } from "@/lib/db/client";
import type { Principal } from "@/lib/auth/principal";
import { generateClientSecret, hashSecret, secretHint } from "@cluster-console/credentials/secrets";
import { lockLiveClient } from "@/lib/api-clients/lock-client";
import { ROTATION_GRACE, type RotationGrace } from "@/lib/api-clients/schemas";
import type { IssuedCredentials } from "@/lib/api-clients/create-client";
import type { SecretExpiryInput } from "@/lib/api-clients/secret-expiry";
import { newSecretExpiry } from "@/lib/api-clients/secret-expiry-policy";
import { recordClientEvent } from "@/lib/api-clients/client-audit";
import type { AdminPermissionName } from "@cluster-console/credentials";
import { NEWEST_SECRET_FIRST, liveSecretWhere } from "@/lib/api-clients/live-secrets";

export interface RotatedCredentials extends IssuedCredentials {
  /** When the previous secret stops working; null when it was revoked now. */
  previousSecretExpiresAt: Date | null;
  /** An Administration API client's permissions (empty for a cluster client). */
  adminPermissions: AdminPermissionName[];
}

export async function rotateClientSecret(
  member: Principal,
  input: { clusterId: string | null; clientId: string; grace: RotationGrace } & SecretExpiryInput,
): Promise<RotatedCredentials> {
  const clientSecret = generateClientSecret();
  return db().$transaction(async (tx) => {
    const client = await lockLiveClient(tx, member.organizationId, input);
    const { now } = client;
    const secretExpiresAt = await newSecretExpiry(tx, member.organizationId, input, now);
    const live = await tx.clientSecret.findMany({
      where: { apiClientId: client.id, ...liveSecretWhere(now) },
      orderBy: NEWEST_SECRET_FIRST,
      select: { id: true, expiresAt: true },
    });
    // With a grace period the newest live secret stays valid until then (never
    // longer than it already would); every other live secret ends now.
    const keep = input.grace === "now" ? undefined : live[0];
    const revokeIds = live.filter((s) => s !== keep).map((s) => s.id);
    let previousSecretExpiresAt: Date | null = null;
    if (keep) {
      const graceEnd = new Date(now.getTime() + ROTATION_GRACE[input.grace]);
      previousSecretExpiresAt = keep.expiresAt && keep.expiresAt < graceEnd ? keep.expiresAt : graceEnd;
      await tx.clientSecret.update({ where: { id: keep.id }, data: { expiresAt: previousSecretExpiresAt } });
    }
    if (revokeIds.length > 0) {
      await tx.clientSecret.updateMany({ where: { id: { in: revokeIds } }, data: { revokedAt: now } });
    }
    await tx.clientSecret.create({
      data: { apiClientId: client.id, secretHash: hashSecret(clientSecret), hint: secretHint(clientSecret), createdAt: now, expiresAt: secretExpiresAt },
      select: { id: true },
    });
    await recordClientEvent(tx, member, client, "secret_rotated", {
      clientId: client.clientId,
      grace: input.grace,
      previousSecretExpiresAt: previousSecretExpiresAt?.toISOString() ?? null,
      secretsRevoked: revokeIds.length,
      secretExpiresAt: secretExpiresAt?.toISOString() ?? null,
    });
    return {
      clientId: client.clientId,
      clientSecret,
      name: client.name,
      scopes: client.scopes,
      previousSecretExpiresAt,
      adminPermissions: client.adminPermissions as AdminPermissionName[],
      secretExpiresAt,
    };
  });
}
