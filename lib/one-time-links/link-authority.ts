// Authority at use: an invitation or a reset link carries the right of the
// member who issued it, and that right is what it had when the link is used,
// not when it was made. Two halves, both here:
//  - `issuerMayStill`: checked inside the transaction that uses a link, with
//    the same rule as at issue time (mayManageMemberWithRole in
//    lib/auth/roles.ts), on the issuer's and the target's roles as they are
//    now. Plain reads, no row locks: a role change that commits while a link
//    is being used waits for the link's row (it withdraws it) and finds it
//    used, so the use is ordered before the change, as if it had come first.
//  - the withdrawals, run inside the transaction of what takes the right
//    away: a demotion or a removal withdraws what that person issued; a role
//    change, a removal, a password change or a reset withdraws the reset
//    links for that account.
import "server-only";
import type { Db, Tx } from "@/lib/db/client";
import { mayManageMemberWithRole } from "@/lib/auth/roles";
export { withdrawResetLinksFor } from "@/lib/one-time-links/withdraw-reset-links";
import type { Role } from "@/lib/generated/prisma/enums";

/** Whether `issuerId` is, now, a member of the organization who may issue a link for someone with `targetRole`. */
export async function issuerMayStill(tx: Pick<Tx | Db, "membership">, organizationId: string, issuerId: string | null, targetRole: Role): Promise<boolean> {
  if (!issuerId) return false;
  const issuer = await tx.membership.findUnique({
    where: { organizationId_userId: { organizationId, userId: issuerId } },
    select: { role: true },
  });
  return issuer !== null && mayManageMemberWithRole(issuer.role, targetRole);
}

export interface WithdrawnLinks {
  invitations: number;
  resetLinks: number;
}

/** Withdraws every open invitation and reset link this member issued in the organization. */
export async function withdrawLinksIssuedBy(
  tx: Tx,
  organizationId: string,
  issuerId: string,
  by: { email: string },
  now: Date,
): Promise<WithdrawnLinks> {
  const invitations = await tx.invitation.updateMany({
    where: { organizationId, invitedById: issuerId, usedAt: null, revokedAt: null },
    data: { revokedAt: now, revokedByEmail: by.email },
  });
  const resetLinks = await tx.passwordReset.updateMany({
    where: { organizationId, issuedById: issuerId, usedAt: null, revokedAt: null },
    data: { revokedAt: now },
  });
  return { invitations: invitations.count, resetLinks: resetLinks.count };
}

