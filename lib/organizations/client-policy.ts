// Owners' policy for the organization's clients: bounds on each client's own
// token lifetime and rate limit, and what a reported leak of a live secret
// does (revoke it at once, or keep it working and alert). Every instance's
// client cache is flushed when the bounds change (a trigger, migration
// 20261208120000), so they apply within the request that commits them.
import "server-only";
import { db } from "@/lib/db/client";
import { config } from "@/lib/config";
import { recordOrganizationEvent } from "@/lib/organizations/organization-audit";
import type { Principal } from "@/lib/auth/principal";
import type { InstanceDefaults, OrganizationBounds } from "@cluster-console/credentials";
import type { LeakPolicy } from "@/lib/generated/prisma/enums";

export interface ClientPolicy extends OrganizationBounds {
  leakPolicy: LeakPolicy;
}

/** The instance's defaults, from the configuration. */
export function instanceDefaults(): InstanceDefaults {
  const cfg = config();
  return {
    tokenTtlSeconds: cfg.TOKEN_TTL_SECONDS,
    clientRateLimit: cfg.RATE_LIMIT_CLIENT_POINTS,
    clientRateLimitWindowSeconds: cfg.RATE_LIMIT_CLIENT_DURATION_SECONDS,
  };
}

export async function getClientPolicy(organizationId: string): Promise<ClientPolicy> {
  const org = await db().organization.findUnique({
    where: { id: organizationId },
    select: { minTokenTtlSeconds: true, maxTokenTtlSeconds: true, maxClientRateLimit: true, leakPolicy: true },
  });
  return org ?? { minTokenTtlSeconds: null, maxTokenTtlSeconds: null, maxClientRateLimit: null, leakPolicy: "REVOKE" };
}

export async function setClientPolicyBounds(member: Principal, input: OrganizationBounds): Promise<{ changed: boolean } & OrganizationBounds> {
  return db().$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ min_token_ttl_seconds: number | null; max_token_ttl_seconds: number | null; max_client_rate_limit: number | null; name: string }[]>`
      SELECT min_token_ttl_seconds, max_token_ttl_seconds, max_client_rate_limit, name FROM organizations WHERE id = ${member.organizationId}::uuid FOR UPDATE`;
    const row = rows[0];
    if (!row) return { changed: false, ...input };
    const before: OrganizationBounds = {
      minTokenTtlSeconds: row.min_token_ttl_seconds,
      maxTokenTtlSeconds: row.max_token_ttl_seconds,
      maxClientRateLimit: row.max_client_rate_limit,
    };
    const same =
      before.minTokenTtlSeconds === input.minTokenTtlSeconds &&
      before.maxTokenTtlSeconds === input.maxTokenTtlSeconds &&
      before.maxClientRateLimit === input.maxClientRateLimit;
    if (same) return { changed: false, ...input };
    await tx.organization.update({
      where: { id: member.organizationId },
      data: { minTokenTtlSeconds: input.minTokenTtlSeconds, maxTokenTtlSeconds: input.maxTokenTtlSeconds, maxClientRateLimit: input.maxClientRateLimit },
      select: { id: true },
    });
    await recordOrganizationEvent(tx, member, row.name, "organization.client_policy_changed", {
      minTokenTtlSecondsFrom: before.minTokenTtlSeconds,
      minTokenTtlSecondsTo: input.minTokenTtlSeconds,
      maxTokenTtlSecondsFrom: before.maxTokenTtlSeconds,
      maxTokenTtlSecondsTo: input.maxTokenTtlSeconds,
      maxClientRateLimitFrom: before.maxClientRateLimit,
      maxClientRateLimitTo: input.maxClientRateLimit,
    });
    return { changed: true, ...input };
  });
}

export async function setLeakPolicy(member: Principal, input: { leakPolicy: LeakPolicy }): Promise<{ changed: boolean; leakPolicy: LeakPolicy }> {
  return db().$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ leak_policy: LeakPolicy; name: string }[]>`
      SELECT leak_policy, name FROM organizations WHERE id = ${member.organizationId}::uuid FOR UPDATE`;
    const row = rows[0];
    if (!row || row.leak_policy === input.leakPolicy) return { changed: false, leakPolicy: input.leakPolicy };
    await tx.organization.update({ where: { id: member.organizationId }, data: { leakPolicy: input.leakPolicy }, select: { id: true } });
    await recordOrganizationEvent(tx, member, row.name, "organization.leak_policy_changed", { from: row.leak_policy, to: input.leakPolicy });
    return { changed: true, leakPolicy: input.leakPolicy };
  });
}
