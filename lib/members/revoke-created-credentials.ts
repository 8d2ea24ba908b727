// The Administration API credentials a member created, as a role change or a
// removal sees them: listed in its confirmation (revoke checked by default)
// and revoked in the same transaction as the change, each with its own audit
// event (admin_client.revoked, reason = the member change). Credentials
// belong to the organization, so keeping them is allowed; kept ones can no
// longer change members once their creator cannot (lib/members/owner-guard.ts).
import "server-only";
import type { Tx } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import { revokeClientIn } from "@/lib/api-clients/revoke-client";
import type { Principal } from "@/lib/auth/principal";

/**
 * Revokes these credentials of the member `creatorId`; every ID must name
 * credentials that member created in this organization (else 404 and
 * nothing changes). Ones revoked meanwhile are skipped. The count revoked.
 */
export async function revokeCreatedCredentials(tx: Tx, actor: Principal, creatorId: string, clientIds: string[], reason: string): Promise<number> {
  if (clientIds.length === 0) return 0;
  const created = await tx.apiClient.findMany({
    where: { organizationId: actor.organizationId, clusterId: null, createdById: creatorId, clientId: { in: clientIds } },
    select: { clientId: true, revokedAt: true },
  });
  const known = new Map(created.map((c) => [c.clientId, c]));
  if (clientIds.some((id) => !known.has(id))) throw notFound("Administration API credentials of this member");
  let revoked = 0;
  for (const c of created) {
    if (c.revokedAt) continue;
    await revokeClientIn(tx, actor, { clusterId: null, clientId: c.clientId }, reason);
    revoked++;
  }
  return revoked;
}
