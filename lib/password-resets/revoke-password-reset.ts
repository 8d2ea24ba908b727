// An owner withdraws an open password-reset link (Members page, "Open
// password-reset links"): it stops working at once; audited.
import "server-only";
import { db } from "@/lib/db/client";
import { AppError, forbidden, notFound } from "@/lib/errors";
import { recordEvent } from "@/lib/audit/record-event";
import type { Principal } from "@/lib/auth/principal";

export async function revokePasswordReset(actor: Principal, input: { resetId: string }, now = new Date()) {
  // Owners see every open link, and withdraw any of them.
  if (actor.role !== "OWNER") throw forbidden("Only an owner can withdraw a password-reset link.");
  return db().$transaction(async (tx) => {
    const reset = await tx.passwordReset.findFirst({
      where: { id: input.resetId, organizationId: actor.organizationId },
      select: { id: true, user: { select: { id: true, email: true } } },
    });
    if (!reset) throw notFound("Password-reset link");
    // Conditional, so a withdrawal racing a use cannot undo it.
    const { count } = await tx.passwordReset.updateMany({
      where: { id: reset.id, usedAt: null, revokedAt: null },
      data: { revokedAt: now },
    });
    if (count === 0) throw new AppError("conflict", "This link was already used or withdrawn.");
    await recordEvent(tx, {
      organizationId: actor.organizationId,
      actor,
      action: "password_reset.revoked",
      target: { type: "user", id: reset.user.id, name: reset.user.email },
      metadata: { resetId: reset.id },
    });
  });
}
