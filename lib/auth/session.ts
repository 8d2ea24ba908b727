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
import { Prisma } from "@/lib/generated/prisma/client";
import { SESSION_VERSION_CLAIM } from "@/lib/auth/session-version";
import { chosenOrganizationId } from "@/lib/auth/organization-choice";
import { PASSWORD_CLAIM, SSO_CLAIM, STEP_UP_CLAIM, ssoClaim } from "@/lib/auth/session-claims";
import type { Role } from "@/lib/generated/prisma/enums";

export interface Member {
  userId: string;
  email: string;
  name: string;
  organizationId: string;
  organizationName: string;
  role: Role;
  /** Step-up ("sudo mode", lib/account/step-up.ts) holds until then (seconds); absent or past: not in step-up. */
  stepUpUntil?: number;
}

export const SESSION_COOKIES = ["__Secure-next-auth.session-token", "next-auth.session-token"];

export interface SessionClaims {
  userId: string;
  sessionVersion: number;
  /** Signed in with a password (lib/auth/session-claims.ts). */
  password: boolean;
  /** Organization ID -> when its identity provider signed the person in (seconds). */
  sso: Record<string, number>;
  /** Step-up holds until then (seconds); 0: none. */
  stepUpUntil: number;
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
    const stepUp = claims[STEP_UP_CLAIM];
    return {
      userId: claims.sub,
      sessionVersion: version,
      password: claims[PASSWORD_CLAIM] !== false,
      sso: ssoClaim(claims[SSO_CLAIM]),
      stepUpUntil: typeof stepUp === "number" && Number.isSafeInteger(stepUp) ? stepUp : 0,
    };
  } catch {
    return null; // tampered, or signed with another secret
  }
}

/**
 * Whether the session may enter the membership's organization (m, p = its
 * sso_providers row, o): by password unless the organization requires single
 * sign-on (owners excepted: the break-glass way in, audited at sign-in); by
 * the organization's own provider within its maximum session age.
 */
function mayEnterSql(claims: SessionClaims): Prisma.Sql {
  return Prisma.sql`((${claims.password} AND (p.require_sso IS NOT TRUE OR m.role = 'OWNER'))
            OR (p.organization_id IS NOT NULL
                AND (${JSON.stringify(claims.sso)}::jsonb ->> o.id::text)::bigint > extract(epoch FROM now())::bigint - p.max_session_age_minutes * 60))`;
}

/** Whether this session may enter one of the user's organizations now (the switcher asks before switching). */
export async function sessionMayEnter(claims: SessionClaims, organizationId: string): Promise<boolean> {
  const rows = await db().$queryRaw<{ ok: boolean }[]>`
    SELECT true AS ok
      FROM memberships m
      JOIN users u ON u.id = m.user_id
      JOIN organizations o ON o.id = m.organization_id
      LEFT JOIN sso_providers p ON p.organization_id = o.id
     WHERE m.user_id = ${claims.userId}::uuid AND m.organization_id = ${organizationId}::uuid
       AND u.session_version = ${claims.sessionVersion}
       AND ${mayEnterSql(claims)}`;
  return rows.length === 1;
}

export const currentMember = cache(async (): Promise<Member | null> => {
  const claims = await sessionClaims();
  if (!claims || !/^[0-9a-f-]{36}$/i.test(claims.userId)) return null;
  // The session version must still be the user's: sign-out and a password
  // change bump it, which ends this session even though the cookie is intact.
  // A user in several organizations gets the one chosen in the switcher
  // (lib/auth/organization-choice.ts) if still a member of it, else the first.
  // Only organizations this session may enter: one
  // that requires single sign-on only by its own provider, within its
  // maximum session age (owners also by password: the break-glass way in).
  const chosen = await chosenOrganizationId();
  const rows = await db().$queryRaw<Member[]>`
    SELECT u.id AS "userId", u.email, u.name, o.id AS "organizationId", o.name AS "organizationName", m.role::text AS role
      FROM memberships m
      JOIN users u ON u.id = m.user_id
      JOIN organizations o ON o.id = m.organization_id
      LEFT JOIN sso_providers p ON p.organization_id = o.id
     WHERE m.user_id = ${claims.userId}::uuid
       AND u.session_version = ${claims.sessionVersion}
       AND ${mayEnterSql(claims)}
     ORDER BY (m.organization_id IS NOT DISTINCT FROM ${chosen}::uuid) DESC, m.created_at
     LIMIT 1`;
  const row = rows[0];
  return row ? { ...row, stepUpUntil: claims.stepUpUntil } : null;
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
