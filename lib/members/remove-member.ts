// Remove a member, in one transaction with what the removal takes away:
// every open invitation and reset link they issued, their own reset links,
// and the Administration API credentials they created that the caller chose
// to revoke (see change-member-role.ts).
import "server-only";
import { db } from "@/lib/db/client";
import { recordEvent } from "@/lib/audit/record-event";
import { loadTargetMembership } from "@/lib/members/owner-guard";
import { revokeCreatedCredentials } from "@/lib/members/revoke-created-credentials";
import { withdrawLinksIssuedBy, withdrawResetLinksFor } from "@/lib/one-time-links/link-authority";
import type { Principal } from "@/lib/auth/principal";

export async function removeMember(actor: Principal, input: { userId: string; revokeClientIds?: string[] }, now = new Date()) {
  return db().$transaction(async (tx) => {
    const target = await loadTargetMembership(tx, actor, input.userId, null);
    const issued = await withdrawLinksIssuedBy(tx, actor.organizationId, target.user.id, actor, now);
    const resetLinksForMember = await withdrawResetLinksFor(tx, target.user.id, now);
    const credentialsRevoked = await revokeCreatedCredentials(tx, actor, target.user.id, input.revokeClientIds ?? [], "member.removed");
    await tx.membership.delete({ where: { id: target.id } });
    // An account belongs to its organization; without one it cannot sign in.
    const remaining = await tx.membership.count({ where: { userId: target.user.id } });
    if (remaining === 0) await tx.user.delete({ where: { id: target.user.id } });
    await recordEvent(tx, {
      organizationId: actor.organizationId,
      actor: actor,
      action: "member.removed",
      target: { type: "user", id: target.user.id, name: target.user.email },
      metadata: {
        role: target.role,
        resetLinksForMemberWithdrawn: resetLinksForMember,
        invitationsIssuedWithdrawn: issued.invitations,
        resetLinksIssuedWithdrawn: issued.resetLinks,
        credentialsRevoked,
      },
    });
  });
}
