// Sign-out from a plain form post (the console's no-JavaScript path; with
// scripts the user menu goes through next-auth's own endpoint). Same effect
// as next-auth's signOut event (lib/auth/auth-options.ts): the user's sessions
// end on the server, so any copy of the cookie is refused too, then the
// cookie is cleared.
import "server-only";
import { cookies } from "next/headers";
import { endSessionsFrom } from "@/lib/auth/session-version";
import { SESSION_COOKIES, sessionClaims } from "@/lib/auth/session";

export async function signOutHere(): Promise<void> {
  const claims = await sessionClaims();
  if (claims) await endSessionsFrom(claims.userId, claims.sessionVersion);
  const jar = await cookies();
  for (const name of SESSION_COOKIES) if (jar.get(name)) jar.delete(name);
}
