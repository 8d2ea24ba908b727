// The signed-in member: user, organization and role, read fresh per request.
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
import type { Role } from "@/lib/generated/prisma/enums";

export interface Member {
  userId: string;
  email: string;
  name: string;
  organizationId: string;
  organizationName: string;
  role: Role;
}

const SESSION_COOKIES = ["__Secure-next-auth.session-token", "next-auth.session-token"];

async function sessionUserId(): Promise<string | null> {
  const jar = await cookies();
  const token = SESSION_COOKIES.map((n) => jar.get(n)?.value).find(Boolean);
  if (!token) return null;
  try {
    const claims = await decode({ token, secret: config().NEXTAUTH_SECRET });
    // decode() checks the encryption; the expiry is ours to check.
    if (!claims?.sub || (typeof claims.exp === "number" && claims.exp * 1000 < Date.now())) return null;
    return claims.sub;
  } catch {
    return null; // tampered, or signed with another secret
  }
}

export const currentMember = cache(async (): Promise<Member | null> => {
  const userId = await sessionUserId();
  if (!userId || !/^[0-9a-f-]{36}$/i.test(userId)) return null;
  const rows = await db().$queryRaw<Member[]>`
    SELECT u.id AS "userId", u.email, u.name, o.id AS "organizationId", o.name AS "organizationName", m.role::text AS role
      FROM memberships m
      JOIN users u ON u.id = m.user_id
      JOIN organizations o ON o.id = m.organization_id
     WHERE m.user_id = ${userId}::uuid
     ORDER BY m.created_at
     LIMIT 1`;
  return rows[0] ?? null;
});

/** For pages: the member, or a redirect to the sign-in page. */
export async function requireMember(): Promise<Member> {
  const member = await currentMember();
  if (!member) redirect("/signin");
  return member;
}
