// Checks an email and password for console sign-in, under the per-account and
// per-address limits (lib/auth/sign-in-limits.ts). Used by next-auth's
// credentials provider; answers with a user or a reason, never with a
// database message.
import { z } from "zod";
import { db } from "@/lib/db/client";
import {
  DUMMY_HASH,
  PasswordCheckDropped,
  PasswordChecksBusy,
  admitPasswordCheck,
  hashPassword,
  needsRehash,
  verifyPasswordEvenly,
} from "@/lib/auth/password";
import { sourceGroup } from "@/lib/auth/check-source";
import { TooManySignInAttempts, beginSignInAttempt } from "@/lib/auth/sign-in-limits";

const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
  password: z.string().min(1).max(200),
});

export interface SignedInUser {
  id: string;
  email: string;
  name: string;
  /** Goes into the session cookie; see lib/auth/session-version.ts. */
  sessionVersion: number;
}

/** The reasons a sign-in form shows; next-auth passes them on as the error code. */
export type SignInFailure = "CredentialsSignin" | "TooManyAttempts" | "SignInUnavailable" | "SignInBusy" | "SsoRequired";

/** What the sign-in form shows for each. */
export const SIGN_IN_MESSAGES: Record<SignInFailure, string> = {
  CredentialsSignin: "The email or password is incorrect.",
  TooManyAttempts: "Too many failed sign-in attempts. Try again in 15 minutes.",
  SignInUnavailable: "Sign-in is unavailable right now. Try again in a moment.",
  SignInBusy: "Sign-in is busy. Try again in a few seconds.",
  SsoRequired: "Your organization signs in with single sign-on only. Choose Continue with single sign-on.",
};

export class SignInRefused extends Error {
  constructor(
    readonly reason: SignInFailure,
    /** SignInBusy: when a new attempt is likely to be admitted. */
    readonly retryAfterSeconds?: number,
  ) {
    super(reason);
  }
}

/** The form's message for a refusal, with the seconds to wait when sign-in is busy. */
export function signInMessage(err: SignInRefused): string {
  if (err.reason === "SignInBusy" && err.retryAfterSeconds) {
    return `Sign-in is busy. Try again in ${err.retryAfterSeconds} second${err.retryAfterSeconds === 1 ? "" : "s"}.`;
  }
  return SIGN_IN_MESSAGES[err.reason];
}

/**
 * `signal`: the request's (lib/http/request-abort.ts); if the caller hangs up
 * while the check waits for its turn, the check is dropped.
 */
export async function checkSignIn(raw: unknown, address: string | null, signal?: AbortSignal): Promise<SignedInUser> {
  const parsed = credentialsSchema.safeParse(raw);
  if (!parsed.success) throw new SignInRefused("CredentialsSignin");
  const { email, password } = parsed.data;
  const ticket = { source: sourceGroup(address), signal };
  try {
    // Busy before anything else is done: the queue alone decides, never the account.
    admitPasswordCheck(ticket.source);
    // Counted before checking: blocked callers get the same answer whether or not the password is right.
    const attempt = await beginSignInAttempt(email, address);
    const user = await db().user.findUnique({
      where: { email },
      omit: { passwordHash: false },
      include: { memberships: { select: { id: true, organizationId: true, role: true, organization: { select: { name: true, ssoProvider: { select: { requireSso: true } } } } } } },
    });
    // Hash even for unknown emails, and hold back the answer for a hash at
    // older parameters, so response time does not reveal accounts. The check
    // is admitted (or refused as busy) in the same way either way.
    const ok = await verifyPasswordEvenly(password, user?.passwordHash ?? DUMMY_HASH, ticket);
    if (!user || !ok || user.memberships.length === 0) throw new SignInRefused("CredentialsSignin");
    await attempt.succeeded();
    // Organizations that require single sign-on take no password, except an
    // owner's: the break-glass way in (a provider that is down or set up
    // wrongly must not lock every owner out), audited in that organization
    // each time. Said only after the password was right, so the refusal tells
    // nothing to someone who does not know it. lib/auth/session.ts applies the
    // same rule to every request; this is where the person is told.
    const requireSso = user.memberships.filter((m) => m.organization.ssoProvider?.requireSso);
    if (requireSso.length === user.memberships.length && !requireSso.some((m) => m.role === "OWNER")) throw new SignInRefused("SsoRequired");
    const breakGlass = requireSso.filter((m) => m.role === "OWNER");
    if (breakGlass.length) await recordBreakGlass(user, breakGlass, address);
    if (needsRehash(user.passwordHash)) await rehash(user.id, user.passwordHash, password);
    return { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion };
  } catch (err) {
    if (err instanceof SignInRefused) throw err;
    if (err instanceof TooManySignInAttempts) throw new SignInRefused("TooManyAttempts");
    // Refused or dropped before any hashing; the attempt's points stay taken (a busy refusal is no free try).
    if (err instanceof PasswordChecksBusy) throw new SignInRefused("SignInBusy", err.retryAfterSeconds);
    if (err instanceof PasswordCheckDropped) throw new SignInRefused("SignInBusy");
    // The store or the database failed: say so in our words, log the details here only.
    console.error(`[console] sign-in check failed: ${(err as Error).message}`);
    throw new SignInRefused("SignInUnavailable");
  }
}

async function recordBreakGlass(
  user: { id: string; email: string; name: string },
  memberships: { organizationId: string; organization: { name: string } }[],
  address: string | null,
): Promise<void> {
  // The row recordEvent (lib/audit/record-event.ts) would write; written here
  // directly because lib/auth sits below lib/audit (which imports lib/auth).
  await db().auditEvent.createMany({
    data: memberships.map((m) => ({
      organizationId: m.organizationId,
      actorId: user.id,
      actorEmail: user.email,
      actorName: user.name || user.email,
      action: "sso.break_glass_sign_in",
      targetType: "organization",
      targetId: m.organizationId,
      targetName: m.organization.name,
      metadata: { address: address ? address.slice(0, 64) : null },
    })),
  });
}

/**
 * Stores the password just verified at today's parameters. Only over the hash
 * that was verified: a password changed meanwhile is never put back. A failure
 * costs only the upgrade (the next sign-in tries again), never the sign-in.
 */
async function rehash(userId: string, verified: string, password: string): Promise<void> {
  try {
    const passwordHash = await hashPassword(password);
    await db().user.updateMany({ where: { id: userId, passwordHash: verified }, data: { passwordHash } });
  } catch (err) {
    // The code only: a database error's message may quote the arguments, the new hash among them.
    const code = (err as { code?: unknown }).code ?? (err as Error).name;
    console.error(`[console] storing a password at new parameters failed (${String(code)})`);
  }
}
