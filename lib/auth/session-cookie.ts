// Writes the console's session cookie from a server action or route handler,
// exactly as next-auth's credentials callback does (same JWT encoding, cookie
// name and flags), so a session made here is read by next-auth and by
// lib/auth/session.ts alike. Used by the sign-in and set-up forms (which must
// work without JavaScript, so they cannot go through next-auth's client) and
// after endAllSessions to keep the current browser signed in.
import "server-only";
import { cookies } from "next/headers";
import { encode } from "next-auth/jwt";
import { SESSION_MAX_AGE_SECONDS, sessionCookieName } from "@/lib/auth/auth-options";
import { config, servedOverHttps } from "@/lib/config";
import { SESSION_VERSION_CLAIM } from "@/lib/auth/session-version";
import { PASSWORD_CLAIM, SSO_CLAIM, STEP_UP_CLAIM, STEP_UP_SECONDS } from "@/lib/auth/session-claims";

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  sessionVersion: number;
}

/**
 * How the session was proven (lib/auth/session-claims.ts). Without it: a
 * password sign-in. `sso`: organization ID -> when its provider signed the
 * person in (seconds); `stepUpUntil`: sudo mode ends then (seconds).
 */
export interface SessionProof {
  password: boolean;
  sso?: Record<string, number>;
  stepUpUntil?: number;
}

/** A password just entered: signing in (or setting a password) starts step-up too, as on GitHub. */
export const passwordProof = (): SessionProof => ({ password: true, stepUpUntil: Math.floor(Date.now() / 1000) + STEP_UP_SECONDS });

export async function writeSessionCookie(user: SessionUser, proof: SessionProof = passwordProof()): Promise<void> {
  const token = await encode({
    token: {
      sub: user.id,
      name: user.name,
      email: user.email,
      [SESSION_VERSION_CLAIM]: user.sessionVersion,
      [PASSWORD_CLAIM]: proof.password,
      ...(proof.sso && Object.keys(proof.sso).length ? { [SSO_CLAIM]: proof.sso } : {}),
      ...(proof.stepUpUntil ? { [STEP_UP_CLAIM]: proof.stepUpUntil } : {}),
    },
    secret: config().NEXTAUTH_SECRET,
    maxAge: SESSION_MAX_AGE_SECONDS,
  });
  (await cookies()).set(sessionCookieName(), token, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: servedOverHttps(),
    maxAge: SESSION_MAX_AGE_SECONDS,
  });
}
