// Using a password-reset link (/reset/<token>): the member chooses a new
// password; every other session of the account ends (endAllSessions) and the
// browser that used the link is signed in with the new session version. The
// link is used up in the same transaction as the new password.
import "server-only";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { recordEvent } from "@/lib/audit/record-event";
import { hashPassword } from "@/lib/auth/password";
import { endAllSessions } from "@/lib/auth/session-version";
import { findOpenLink, type LinkState, linkError, redeemLink } from "@/lib/one-time-links/links";

export type PasswordResetView =
  | { state: "open"; email: string; name: string; expiresAt: Date }
  | { state: Exclude<LinkState, "open">; message: string };

/** What the reset page shows for a token: whose password it resets, or why it cannot be used. */
export async function describePasswordReset(token: string, now = new Date()): Promise<PasswordResetView> {
  const found = await findOpenLink("password_reset", token, now);
  if (found.state !== "open") return found;
  const reset = await db().passwordReset.findUniqueOrThrow({
    where: { id: found.id },
    select: { expiresAt: true, user: { select: { email: true, name: true } } },
  });
  return { state: "open", email: reset.user.email, name: reset.user.name, expiresAt: reset.expiresAt };
}

export async function resetPassword(input: { token: string; password: string }, now = new Date()) {
  // Refuse an unusable link before paying for the (slow) hash.
  const view = await describePasswordReset(input.token, now);
  if (view.state !== "open") throw linkError(view.state);
  const passwordHash = await hashPassword(input.password);
  return redeemLink("password_reset", input.token, now, async (tx, id) => {
    const reset = await tx.passwordReset.findUniqueOrThrow({ where: { id }, select: { id: true, userId: true, organizationId: true } });
    // Still a member of the organization that issued it, and of no other (see issue-password-reset.ts).
    const memberships = await tx.membership.findMany({ where: { userId: reset.userId }, select: { organizationId: true } });
    if (memberships.length !== 1 || memberships[0]!.organizationId !== reset.organizationId) {
      throw new AppError("conflict", "This link can no longer be used. Ask for a new one.");
    }
    const user = await tx.user.update({ where: { id: reset.userId }, data: { passwordHash }, select: { id: true, email: true, name: true } });
    const sessionVersion = await endAllSessions(user.id, tx);
    await recordEvent(tx, {
      organizationId: reset.organizationId,
      actor: { userId: user.id, email: user.email, name: user.name },
      action: "password_reset.used",
      target: { type: "user", id: user.id, name: user.email },
      metadata: { resetId: reset.id },
    });
    return { user: { ...user, sessionVersion }, organizationId: reset.organizationId };
  });
}
