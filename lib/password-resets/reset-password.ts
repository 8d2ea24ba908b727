// Using a password-reset link (/reset/<token>): the member chooses a new
// password; every other session of the account ends (endAllSessions) and the
// browser that used the link is signed in with the new session version. The
// link is used up in the same transaction as the new password, which also
// withdraws any other open reset link for the account.
//
// The link carries its issuer's right, checked again when it is used
// (lib/one-time-links/link-authority.ts): the issuer must still be a member
// who may reset the target as the target is now (an admin's link for a
// developer stops working once the developer is an owner, and an issuer who
// was demoted or removed has no links left to use).
import "server-only";
import { db, type Db, type Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { recordEvent } from "@/lib/audit/record-event";
import { hashPassword } from "@/lib/auth/password";
import { endAllSessions } from "@/lib/auth/session-version";
import { findOpenLink, type LinkState, LINK_STATE_MESSAGES, linkError, redeemLink } from "@/lib/one-time-links/links";
import { issuerMayStill, withdrawResetLinksFor } from "@/lib/one-time-links/link-authority";

/** Whether the issuer may still reset the target's password, both as they are now. */
async function issuerMayStillReset(tx: Pick<Tx | Db, "membership">, reset: { organizationId: string; userId: string; issuedById: string | null }) {
  const target = await tx.membership.findUnique({
    where: { organizationId_userId: { organizationId: reset.organizationId, userId: reset.userId } },
    select: { role: true },
  });
  return target !== null && (await issuerMayStill(tx, reset.organizationId, reset.issuedById, target.role));
}

export type PasswordResetView =
  | { state: "open"; email: string; name: string; expiresAt: Date }
  | { state: Exclude<LinkState, "open">; message: string };

/** What the reset page shows for a token: whose password it resets, or why it cannot be used. */
export async function describePasswordReset(token: string, now = new Date()): Promise<PasswordResetView> {
  const found = await findOpenLink("password_reset", token, now);
  if (found.state !== "open") return found;
  const reset = await db().passwordReset.findUniqueOrThrow({
    where: { id: found.id },
    select: { organizationId: true, userId: true, issuedById: true, expiresAt: true, user: { select: { email: true, name: true } } },
  });
  if (!(await issuerMayStillReset(db(), reset))) return { state: "revoked", message: LINK_STATE_MESSAGES.revoked };
  return { state: "open", email: reset.user.email, name: reset.user.name, expiresAt: reset.expiresAt };
}

export async function resetPassword(input: { token: string; password: string }, now = new Date()) {
  // Refuse an unusable link before paying for the (slow) hash.
  const view = await describePasswordReset(input.token, now);
  if (view.state !== "open") throw linkError(view.state);
  const passwordHash = await hashPassword(input.password);
  return redeemLink("password_reset", input.token, now, async (tx, id) => {
    const reset = await tx.passwordReset.findUniqueOrThrow({ where: { id }, select: { id: true, userId: true, organizationId: true, issuedById: true } });
    // Still a member of the organization that issued it, and of no other (see issue-password-reset.ts).
    const memberships = await tx.membership.findMany({ where: { userId: reset.userId }, select: { organizationId: true } });
    if (memberships.length !== 1 || memberships[0]!.organizationId !== reset.organizationId) {
      throw new AppError("conflict", "This link can no longer be used. Ask for a new one.");
    }
    if (!(await issuerMayStillReset(tx, reset))) throw linkError("revoked");
    const user = await tx.user.update({ where: { id: reset.userId }, data: { passwordHash }, select: { id: true, email: true, name: true } });
    const sessionVersion = await endAllSessions(user.id, tx);
    const withdrawn = await withdrawResetLinksFor(tx, user.id, now);
    await recordEvent(tx, {
      organizationId: reset.organizationId,
      actor: { userId: user.id, email: user.email, name: user.name },
      action: "password_reset.used",
      target: { type: "user", id: user.id, name: user.email },
      metadata: { resetId: reset.id, resetLinksWithdrawn: withdrawn },
    });
    return { user: { ...user, sessionVersion }, organizationId: reset.organizationId };
  });
}
