// Ending console sessions on the server. Session cookies are next-auth JWTs
// that stay valid until they expire, so each carries the user's
// session_version at the time it was issued (claim `sv`), and the place where
// the session is decoded (lib/auth/session.ts) accepts it only while the
// version in the database is still the same. Bumping the version ends every
// session the user has, on every device, at once:
//
// - sign-out (next-auth's signOut event, lib/auth/auth-options.ts) ends the
//   user's sessions, so a cookie copied before signing out is refused after,
//   by the pages and actions and by next-auth's own /api/auth/session (its
//   jwt callback asks isLiveSession, and an ended session gets no user and
//   no re-issued cookie);
// - a password change or "sign out everywhere" calls endAllSessions inside its
//   own transaction, then writeSessionCookie (lib/auth/session-cookie.ts) with
//   the returned version keeps the browser that made the change signed in.
import { db, type Tx } from "@/lib/db/client";

/** The claim in the session JWT that holds the version. */
export const SESSION_VERSION_CLAIM = "sv";

/**
 * Ends every session of the user; returns the new version, which a cookie
 * issued from now on must carry. Pass the transaction of the change that
 * causes it (e.g. a password change) so both commit together.
 */
export async function endAllSessions(userId: string, tx: Tx | ReturnType<typeof db> = db()): Promise<number> {
  const { sessionVersion } = await tx.user.update({
    where: { id: userId },
    data: { sessionVersion: { increment: 1 } },
    select: { sessionVersion: true },
  });
  return sessionVersion;
}

/**
 * Sign-out: ends the user's sessions only if the cookie presented is still a
 * live one, so a stale copied cookie cannot be used to sign the user out
 * again and again.
 */
export async function endSessionsFrom(userId: string, version: number): Promise<void> {
  await db().user.updateMany({
    where: { id: userId, sessionVersion: version },
    data: { sessionVersion: { increment: 1 } },
  });
}

/**
 * Whether a session JWT's claims are still a live session: a user ID and the
 * version that is still the user's. A cookie without a version predates
 * server-side sign-out and is not.
 */
export async function isLiveSession(claims: { sub?: unknown; [SESSION_VERSION_CLAIM]?: unknown }): Promise<boolean> {
  const version = claims[SESSION_VERSION_CLAIM];
  if (typeof claims.sub !== "string" || !/^[0-9a-f-]{36}$/i.test(claims.sub)) return false;
  if (typeof version !== "number" || !Number.isSafeInteger(version)) return false;
  return (await db().user.count({ where: { id: claims.sub, sessionVersion: version } })) === 1;
}
