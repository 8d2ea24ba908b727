// Step-up ("sudo mode", like GitHub's): before the most powerful actions
// (creating or rotating Administration API credentials, changing single
// sign-on, making someone an owner or inviting one) the person proves again that it is them,
// by their password or by signing in again at their organization's provider
// (prompt=login, max_age=0). It holds STEP_UP_SECONDS, in the session cookie's
// `su` claim (the cookie is encrypted by next-auth: it cannot be made up),
// for this session only, and each confirmation is audited (account.step_up).
// Checked by the action itself, at the moment of the action.
import "server-only";
import { db } from "@/lib/db/client";
import { AppError, fieldError } from "@/lib/errors";
import { recordEvent } from "@/lib/audit/record-event";
import { sessionClaims, type Member } from "@/lib/auth/session";
import { writeSessionCookie } from "@/lib/auth/session-cookie";
import { PasswordCheckDropped, PasswordChecksBusy, verifyPassword } from "@/lib/auth/password";
import { sourceGroup } from "@/lib/auth/check-source";
import { TooManySignInAttempts, beginSignInAttempt } from "@/lib/auth/sign-in-limits";
import { TOO_MANY_ATTEMPTS, checksBusy } from "@/lib/account/change-password";
import { STEP_UP_SECONDS } from "@/lib/auth/session-claims";

export { STEP_UP_SECONDS };
export const STEP_UP_REQUIRED = "Confirm it is you first: this change needs your password or a new sign-in at your identity provider (Confirm it's you, above).";

/** Whether the member's session is in step-up now (Member.stepUpUntil comes from the session cookie). */
export function isSteppedUp(member: Pick<Member, "stepUpUntil">): boolean {
  return (member.stepUpUntil ?? 0) > Date.now() / 1000;
}

/** For actions: refuse unless the session proved who it is within the last few minutes. */
export function requireStepUp(member: Pick<Member, "stepUpUntil">): void {
  if (!isSteppedUp(member)) throw new AppError("forbidden", STEP_UP_REQUIRED);
}

export async function recordStepUp(userId: string, organizationId: string, method: "password" | "provider"): Promise<void> {
  await db().$transaction(async (tx) => {
    const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { id: true, email: true, name: true } });
    await recordEvent(tx, {
      organizationId,
      actor: { userId: user.id, email: user.email, name: user.name },
      action: "account.step_up",
      target: { type: "user", id: user.id, name: user.email },
      metadata: { method, minutes: STEP_UP_SECONDS / 60 },
    });
  });
}

/**
 * Step-up by password: the check runs under the sign-in limits on the
 * account's counter (a stolen session guesses no faster than the sign-in
 * form), then the cookie is re-issued with the step-up and the event recorded.
 */
export async function stepUpWithPassword(member: Member, password: string, address: string | null, signal?: AbortSignal): Promise<{ until: number }> {
  const claims = await sessionClaims();
  if (!claims || claims.userId !== member.userId) throw new AppError("unauthenticated", "Your session has ended. Sign in again.");
  let attempt: Awaited<ReturnType<typeof beginSignInAttempt>>;
  try {
    attempt = await beginSignInAttempt(member.email, address);
  } catch (err) {
    if (err instanceof TooManySignInAttempts) throw new AppError("forbidden", TOO_MANY_ATTEMPTS);
    throw err;
  }
  const user = await db().user.findUnique({ where: { id: member.userId }, select: { passwordHash: true, sessionVersion: true } });
  if (!user) throw new AppError("unauthenticated", "Your session has ended. Sign in again.");
  let ok: boolean;
  try {
    ok = await verifyPassword(password, user.passwordHash, { source: sourceGroup(address), signal });
  } catch (err) {
    if (err instanceof PasswordChecksBusy) throw new AppError("forbidden", checksBusy(err.retryAfterSeconds));
    if (err instanceof PasswordCheckDropped) throw new AppError("forbidden", checksBusy());
    throw err;
  }
  if (!ok) {
    throw fieldError("invalid_input", {
      password: [user.passwordHash ? "The password is incorrect." : "Your account has no password here: confirm at your identity provider instead."],
    });
  }
  await attempt.succeeded();
  const until = Math.floor(Date.now() / 1000) + STEP_UP_SECONDS;
  await writeSessionCookie(
    { id: member.userId, email: member.email, name: member.name, sessionVersion: claims.sessionVersion },
    { password: claims.password, sso: claims.sso, stepUpUntil: until },
  );
  await recordStepUp(member.userId, member.organizationId, "password");
  return { until };
}
