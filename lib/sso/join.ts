// After every check of the ID token passed: the person joins the organization
// (first sign-in, an allowed domain, the default or mapped role) or is linked
// to their membership by the verified email (later sign-ins), and the role
// mapping is applied again. One transaction, audited; the provider's settings
// are read again inside it, so a setting changed meanwhile is the one used.
//
// The mapping never touches an owner (owners are made and unmade on the
// Members page, with step-up) and never makes one (Owner is not a mappable
// role). A member whose claim no longer matches loses the mapped role only
// if they have it (back to the default role); a role set by hand otherwise stays.
import "server-only";
import { db } from "@/lib/db/client";
import { recordEvent } from "@/lib/audit/record-event";
import { personNameSchema } from "@/lib/members/schemas";
import { SsoFailure } from "@/lib/sso/failures";
import type { Role } from "@/lib/generated/prisma/enums";

export interface JoinedMember {
  organizationId: string;
  userId: string;
  email: string;
  name: string;
  sessionVersion: number;
  /** The role in the organization after this sign-in (null for a step-up). */
  role: Role | null;
}

interface Mapping {
  roleClaim: string | null;
  roleClaimValue: string | null;
  mappedRole: Role | null;
}

/** Whether the ID token's claim holds the mapping's value (a string equal to it, or a list containing it). */
export function claimMatches(mapping: Mapping, claims: Record<string, unknown>): boolean {
  if (!mapping.roleClaim || !mapping.roleClaimValue || !mapping.mappedRole) return false;
  const value = claims[mapping.roleClaim];
  if (Array.isArray(value)) return value.some((v) => String(v) === mapping.roleClaimValue);
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return String(value) === mapping.roleClaimValue;
  return false;
}

function displayName(claims: Record<string, unknown>, email: string): string {
  for (const candidate of [claims.name, [claims.given_name, claims.family_name].filter((p) => typeof p === "string").join(" "), email.split("@")[0]]) {
    const parsed = personNameSchema.safeParse(typeof candidate === "string" ? candidate.slice(0, 100) : "");
    if (parsed.success) return parsed.data;
  }
  return "Member";
}

export async function joinOrLink(organizationId: string, email: string, claims: Record<string, unknown>): Promise<JoinedMember> {
  try {
    return await db().$transaction(async (tx) => {
      const providers = await tx.$queryRaw<(Mapping & { default_role: Role; name: string })[]>`
        SELECT p.role_claim AS "roleClaim", p.role_claim_value AS "roleClaimValue", p.mapped_role::text AS "mappedRole",
               p.default_role::text AS default_role, o.name
          FROM sso_providers p JOIN organizations o ON o.id = p.organization_id
         WHERE p.organization_id = ${organizationId}::uuid
           FOR SHARE OF p`;
      const provider = providers[0];
      if (!provider) throw new SsoFailure("not_configured");
      const mapped = claimMatches(provider, claims) ? provider.mappedRole : null;
      const user = await tx.user.findUnique({
        where: { email },
        select: { id: true, email: true, name: true, sessionVersion: true, memberships: { where: { organizationId }, select: { id: true, role: true } } },
      });
      const membership = user?.memberships[0];
      const actorOf = (u: { id: string; email: string; name: string }) => ({ userId: u.id, email: u.email, name: u.name });
      if (user && membership) {
        let role = membership.role;
        const next: Role | null =
          role === "OWNER" ? null : mapped && role !== mapped ? mapped : !mapped && provider.mappedRole && role === provider.mappedRole && role !== provider.default_role ? provider.default_role : null;
        if (next) {
          await tx.membership.update({ where: { id: membership.id }, data: { role: next } });
          await recordEvent(tx, {
            organizationId,
            actor: actorOf(user),
            action: "sso.role_mapped",
            target: { type: "user", id: user.id, name: user.email },
            metadata: { from: role, to: next, claim: provider.roleClaim, matched: Boolean(mapped) },
          });
          role = next;
        }
        return { organizationId, userId: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion, role };
      }
      const domain = email.slice(email.lastIndexOf("@") + 1);
      const allowed = await tx.ssoDomain.findFirst({ where: { domain, organizationId }, select: { domain: true } });
      if (!allowed) throw new SsoFailure("domain_not_allowed", domain);
      // An account without a password: it signs in through the provider only (an owner can send a reset link later).
      const person = user ?? (await tx.user.create({ data: { email, name: displayName(claims, email), passwordHash: "" }, select: { id: true, email: true, name: true, sessionVersion: true } }));
      const role = mapped ?? provider.default_role;
      await tx.membership.create({ data: { organizationId, userId: person.id, role } });
      await recordEvent(tx, {
        organizationId,
        actor: actorOf(person),
        action: "sso.member_joined",
        target: { type: "user", id: person.id, name: person.email },
        metadata: { role, mapped: Boolean(mapped), newAccount: !user },
      });
      return { organizationId, userId: person.id, email: person.email, name: person.name, sessionVersion: person.sessionVersion, role };
    });
  } catch (err) {
    if (err instanceof SsoFailure) throw err;
    // Two first sign-ins of one person at once: one joined, the other may simply start again.
    if ((err as { code?: string }).code === "P2002") throw new SsoFailure("busy", "concurrent join");
    throw err;
  }
}
