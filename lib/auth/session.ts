// The signed-in member: user, organization and role, read fresh per request,
// for a session whose version is still the user's (lib/auth/session-version.ts).
//
// The session cookie is decoded directly (next-auth's own JWT decode and
// cookie name) instead of through getServerSession, which would also re-sign
// a cookie that a server component cannot set anyway. One SQL query loads
// user, membership and organization; React's cache() shares the result
// between the layout, the page and the actions of one request.
import "server-only";
import { cache } from "react";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { decode } from "next-auth/jwt";
import { config } from "@/lib/config";
import { db } from "@/lib/db/client";
import { SESSION_VERSION_CLAIM } from "@/lib/auth/session-version";
import { chosenOrganizationId } from "@/lib/auth/organization-choice";
import type { Role } from "@/lib/generated/prisma/enums";

export interface Member {
  userId: string;
  email: string;
  name: string;
  organizationId: string;
  organizationName: string;
  role: Role;
}

export const SESSION_COOKIES = ["__Secure-next-auth.session-token", "next-auth.session-token"];

interface SessionClaims {
  userId: string;
  sessionVersion: number;
}

/** The session cookie's user and version, if it is one of ours and unexpired (not checked against the database). */
export async function sessionClaims(): Promise<SessionClaims | null> {
  const jar = await cookies();
  const token = SESSION_COOKIES.map((n) => jar.get(n)?.value).find(Boolean);
  if (!token) return null;
  try {
    const claims = await decode({ token, secret: config().NEXTAUTH_SECRET });
    // decode() checks the encryption; the expiry is ours to check.
    if (!claims?.sub || (typeof claims.exp === "number" && claims.exp * 1000 < Date.now())) return null;
    const version = claims[SESSION_VERSION_CLAIM];
    // A cookie without a version predates server-side sign-out: sign in again.
    if (typeof version !== "number" || !Number.isSafeInteger(version)) return null;
    return { userId: claims.sub, sessionVersion: version };
  } catch {
    return null; // tampered, or signed with another secret
  }
}

export const currentMember = cache(async (): Promise<Member | null> => {
  const claims = await sessionClaims();
  if (!claims || !/^[0-9a-f-]{36}$/i.test(claims.userId)) return null;
  // The session version must still be the user's: sign-out and a password
  // change bump it, which ends this session even though the cookie is intact.
  // A user in several organizations gets the one chosen in the switcher
  // (lib/auth/organization-choice.ts) if still a member of it, else the first.
  const chosen = await chosenOrganizationId();
  const rows = await db().$queryRaw<Member[]>`
    SELECT u.id AS "userId", u.email, u.name, o.id AS "organizationId", o.name AS "organizationName", m.role::text AS role
      FROM memberships m
      JOIN users u ON u.id = m.user_id
      JOIN organizations o ON o.id = m.organization_id
     WHERE m.user_id = ${claims.userId}::uuid
       AND u.session_version = ${claims.sessionVersion}
     ORDER BY (m.organization_id IS NOT DISTINCT FROM ${chosen}::uuid) DESC, m.created_at
     LIMIT 1`;
  return rows[0] ?? null;
});

/** The organizations the signed-in user belongs to, for the switcher (oldest membership first). */
export async function memberOrganizations(userId: string): Promise<{ id: string; name: string; role: Role }[]> {
  const rows = await db().membership.findMany({
    where: { userId },
    orderBy: { createdAt: "asc" },
    select: { role: true, organization: { select: { id: true, name: true } } },
  });
  return rows.map((r) => ({ id: r.organization.id, name: r.organization.name, role: r.role }));
}

/** For pages: the member, or a redirect to the sign-in page. */
export async function requireMember(): Promise<Member> {
  const member = await currentMember();
  if (!member) redirect("/signin");
  return member;
}
