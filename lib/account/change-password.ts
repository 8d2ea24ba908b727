// A signed-in user changes their own password. The current password is
// checked under the sign-in limits (lib/auth/sign-in-limits.ts), on the same
// per-account counter as sign-in: a stolen session cannot be used to guess the
// password any faster than the sign-in form allows, and a burst cannot get
// more checks than the limit (the point is taken before the check, given back
// only when the password was right).
//
// On success, in one transaction: the new hash (only over the hash that was
// checked, so two changes at once cannot both win), every session of the user
// ended (lib/auth/session-version.ts), every open reset link for the account
// withdrawn (a link made before the change must not undo it), and an audit
// event in each of the user's organizations. The caller re-issues its own session cookie with the
// returned version, so the browser that made the change stays signed in.
import "server-only";
import { db } from "@/lib/db/client";
import { AppError, fieldError } from "@/lib/errors";
import { PasswordCheckDropped, PasswordChecksBusy, hashPassword, verifyPassword } from "@/lib/auth/password";
import { sourceGroup } from "@/lib/auth/check-source";
import { TooManySignInAttempts, beginSignInAttempt } from "@/lib/auth/sign-in-limits";
import { endAllSessions } from "@/lib/auth/session-version";
import { recordAccountEvent } from "@/lib/account/account-audit";
import type { Actor } from "@/lib/auth/principal";
import { withdrawResetLinksFor } from "@/lib/one-time-links/link-authority";
import type { ChangePasswordInput } from "@/lib/account/schemas";

export const WRONG_CURRENT_PASSWORD = "The current password is incorrect.";
export const TOO_MANY_ATTEMPTS = "Too many wrong passwords for this account. Try again in 15 minutes.";
export const checksBusy = (seconds = 5) => `Password checks are busy. Try again in ${seconds} second${seconds === 1 ? "" : "s"}.`;

export interface ChangedPassword {
  id: string;
  email: string;
  name: string;
  /** The version a session cookie must carry from now on. */
  sessionVersion: number;
}

export async function changePassword(
  actor: Actor & { userId: string },
  input: ChangePasswordInput,
  address: string | null,
  /** The request's (lib/http/request-abort.ts): a check still waiting when the caller hangs up is dropped. */
  signal?: AbortSignal,
): Promise<ChangedPassword> {
  let attempt: Awaited<ReturnType<typeof beginSignInAttempt>>;
  try {
    attempt = await beginSignInAttempt(actor.email, address);
  } catch (err) {
    if (err instanceof TooManySignInAttempts) throw new AppError("forbidden", TOO_MANY_ATTEMPTS);
    throw err;
  }
  const user = await db().user.findUnique({ where: { id: actor.userId }, omit: { passwordHash: false } });
  if (!user) throw new AppError("unauthenticated", "Your session has ended. Sign in again.");
  let ok: boolean;
  try {
    // In the caller's address's share of the password-check queue, like sign-in.
    ok = await verifyPassword(input.currentPassword, user.passwordHash, { source: sourceGroup(address), signal });
  } catch (err) {
    if (err instanceof PasswordChecksBusy) throw new AppError("forbidden", checksBusy(err.retryAfterSeconds));
    if (err instanceof PasswordCheckDropped) throw new AppError("forbidden", checksBusy());
    throw err;
  }
  if (!ok) throw fieldError("invalid_input", { currentPassword: [WRONG_CURRENT_PASSWORD] });
  await attempt.succeeded();

  const passwordHash = await hashPassword(input.newPassword);
  return db().$transaction(async (tx) => {
    const { count } = await tx.user.updateMany({
      where: { id: user.id, passwordHash: user.passwordHash },
      data: { passwordHash },
    });
    // Another change got there first (and ended this session with it).
    if (count !== 1) throw new AppError("conflict", "Your password was changed meanwhile. Sign in again.");
    const sessionVersion = await endAllSessions(user.id, tx);
    const resetLinksWithdrawn = await withdrawResetLinksFor(tx, user.id, new Date());
    await recordAccountEvent(tx, actor, user, "account.password_changed", { resetLinksWithdrawn });
    return { id: user.id, email: user.email, name: user.name, sessionVersion };
  });
}
