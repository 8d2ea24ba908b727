// Change a member's role, in one transaction with what the change takes
// away (authority at use, lib/one-time-links/link-authority.ts):
//  - the member's own open reset links are withdrawn (a link made for a
//    developer must not reset an owner's password);
//  - a demotion withdraws every open invitation and reset link the member
//    issued;
//  - the Administration API credentials the member created that the caller
//    chose to revoke (the confirmation lists them, revoke checked) are
//    revoked, each audited.
import "server-only";
import { db } from "@/lib/db/client";
import { recordEvent } from "@/lib/audit/record-event";
import { isDemotion } from "@/lib/auth/roles";
import { loadTargetMembership } from "@/lib/members/owner-guard";
import { revokeCreatedCredentials } from "@/lib/members/revoke-created-credentials";
import { withdrawLinksIssuedBy, withdrawResetLinksFor } from "@/lib/one-time-links/link-authority";
import type { Principal } from "@/lib/auth/principal";
import type { Role } from "@/lib/generated/prisma/enums";

export async function changeMemberRole(actor: Principal, input: { userId: string; role: Role; revokeClientIds?: string[] }, now = new Date()) {
  return db().$transaction(async (tx) => {
    const target = await loadTargetMembership(tx, actor, input.userId, input.role);
    if (target.role === input.role) return { changed: false };
    await tx.membership.update({ where: { id: target.id }, data: { role: input.role } });
    const resetLinksForMember = await withdrawResetLinksFor(tx, target.user.id, now);
    const issued = isDemotion(target.role, input.role)
      ? await withdrawLinksIssuedBy(tx, actor.organizationId, target.user.id, actor, now)
      : { invitations: 0, resetLinks: 0 };
    const credentialsRevoked = await revokeCreatedCredentials(tx, actor, target.user.id, input.revokeClientIds ?? [], "member.role_changed");
    await recordEvent(tx, {
      organizationId: actor.organizationId,
      actor: actor,
      action: "member.role_changed",
      target: { type: "user", id: target.user.id, name: target.user.email },
      metadata: {
        from: target.role,
        to: input.role,
        resetLinksForMemberWithdrawn: resetLinksForMember,
        invitationsIssuedWithdrawn: issued.invitations,
        resetLinksIssuedWithdrawn: issued.resetLinks,
        credentialsRevoked,
      },
    });
    return { changed: true };
  });
}
