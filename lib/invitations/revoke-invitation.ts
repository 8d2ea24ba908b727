// Withdraw an open invitation: its link stops working at once.
import "server-only";
import { db } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors";
import { recordEvent } from "@/lib/audit/record-event";
import type { Principal } from "@/lib/auth/principal";

export async function revokeInvitation(actor: Principal, input: { invitationId: string }, now = new Date()) {
  return db().$transaction(async (tx) => {
    const invitation = await tx.invitation.findFirst({
      where: { id: input.invitationId, organizationId: actor.organizationId },
      select: { id: true, email: true, role: true, usedAt: true, revokedAt: true },
    });
    if (!invitation) throw notFound("Invitation");
    if (invitation.role === "OWNER" && actor.role !== "OWNER") throw new AppError("forbidden", "Only an owner can withdraw an invitation to become an owner.");
    // Conditional, so a revocation racing an acceptance cannot undo it.
    const { count } = await tx.invitation.updateMany({
      where: { id: invitation.id, usedAt: null, revokedAt: null },
      data: { revokedAt: now, revokedByEmail: actor.email },
    });
    if (count === 0) throw new AppError("conflict", "This invitation was already accepted or withdrawn.");
    await recordEvent(tx, {
      organizationId: actor.organizationId,
      actor,
      action: "invitation.revoked",
      target: { type: "invitation", id: invitation.id, name: invitation.email },
      metadata: { role: invitation.role },
    });
  });
}
