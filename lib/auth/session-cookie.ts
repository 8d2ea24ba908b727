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

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  sessionVersion: number;
}

export async function writeSessionCookie(user: SessionUser): Promise<void> {
  const token = await encode({
    token: { sub: user.id, name: user.name, email: user.email, [SESSION_VERSION_CLAIM]: user.sessionVersion },
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
