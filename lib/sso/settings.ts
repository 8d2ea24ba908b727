// An organization's single sign-on settings: read (never the secret), save and
// remove, each change audited in its own transaction. Owners only (the
// actions check "organization:settings"; step-up is checked by the action).
import "server-only";
import { db } from "@/lib/db/client";
import { recordOrganizationEvent } from "@/lib/organizations/organization-audit";
import { fieldError } from "@/lib/errors";
import type { Member } from "@/lib/auth/session";
import type { SsoRules, SsoSettingsInput } from "@/lib/sso/schemas";
import { sealClientSecret, secretHint } from "@/lib/sso/secret-sealing";
import { config } from "@/lib/config";

export interface SsoSettingsView extends SsoRules {
  issuer: string;
  clientId: string;
  /** Last 4 characters of the saved secret. */
  secretHint: string;
  domains: string[];
  updatedAt: Date;
}

/** The URI to register at the provider: one for every organization. */
export const ssoRedirectUri = () => `${config().PUBLIC_URL}/api/sso/callback`;

export async function getSsoSettings(organizationId: string): Promise<SsoSettingsView | null> {
  const p = await db().ssoProvider.findUnique({
    where: { organizationId },
    omit: { clientSecretSealed: true },
    include: { domains: { select: { domain: true }, orderBy: { domain: "asc" } } },
  });
  if (!p) return null;
  return {
    issuer: p.issuer,
    clientId: p.clientId,
    secretHint: p.clientSecretHint,
    domains: p.domains.map((d) => d.domain),
    defaultRole: p.defaultRole,
    roleClaim: p.roleClaim,
    roleClaimValue: p.roleClaimValue,
    mappedRole: p.mappedRole,
    requireSso: p.requireSso,
    maxSessionAgeMinutes: p.maxSessionAgeMinutes,
    updatedAt: p.updatedAt,
  };
}

const FIELD_NAMES = ["issuer", "clientId", "domains", "defaultRole", "roleMapping", "requireSso", "maxSessionAgeMinutes"] as const;

export async function saveSsoSettings(member: Member, input: SsoSettingsInput): Promise<{ changed: boolean }> {
  try {
    return await saveInTransaction(member, input);
  } catch (err) {
    // Another organization saved one of these domains at the same moment (the primary key of sso_domains).
    if ((err as { code?: string }).code === "P2002") throw fieldError("conflict", { domains: ["One of these domains was just taken by another organization's single sign-on."] });
    throw err;
  }
}

function saveInTransaction(member: Member, input: SsoSettingsInput): Promise<{ changed: boolean }> {
  return db().$transaction(async (tx) => {
    const org = await tx.$queryRaw<{ name: string }[]>`SELECT name FROM organizations WHERE id = ${member.organizationId}::uuid FOR UPDATE`;
    const orgName = org[0]?.name ?? member.organizationName;
    const before = await tx.ssoProvider.findUnique({
      where: { organizationId: member.organizationId },
      omit: { clientSecretSealed: true },
      include: { domains: { select: { domain: true } } },
    });
    if (!before && !input.clientSecret) throw fieldError("invalid_input", { clientSecret: ["Enter the client secret."] });
    const taken = await tx.ssoDomain.findMany({
      where: { domain: { in: input.domains }, organizationId: { not: member.organizationId } },
      select: { domain: true },
    });
    if (taken.length) {
      throw fieldError("conflict", { domains: [`${taken.map((t) => t.domain).join(", ")} already signs in through another organization's provider.`] });
    }
    const mapping = input.roleClaim && input.roleClaimValue && input.mappedRole ? { roleClaim: input.roleClaim, roleClaimValue: input.roleClaimValue, mappedRole: input.mappedRole } : { roleClaim: null, roleClaimValue: null, mappedRole: null };
    const data = {
      issuer: input.issuer,
      clientId: input.clientId,
      defaultRole: input.defaultRole,
      ...mapping,
      requireSso: input.requireSso,
      maxSessionAgeMinutes: input.maxSessionAgeMinutes,
      updatedAt: new Date(),
    };
    const secret = input.clientSecret ? { clientSecretSealed: new Uint8Array(sealClientSecret(member.organizationId, input.clientSecret)), clientSecretHint: secretHint(input.clientSecret) } : {};
    const changed: string[] = [];
    if (before) {
      const was = { ...before, domains: before.domains.map((d) => d.domain).sort().join(","), roleMapping: `${before.roleClaim}|${before.roleClaimValue}|${before.mappedRole}` };
      const now = { ...data, domains: [...input.domains].sort().join(","), roleMapping: `${mapping.roleClaim}|${mapping.roleClaimValue}|${mapping.mappedRole}` };
      for (const f of FIELD_NAMES) if (String(was[f]) !== String(now[f])) changed.push(f);
      if (!changed.length && !input.clientSecret) return { changed: false };
      await tx.ssoProvider.update({ where: { organizationId: member.organizationId }, data: { ...data, ...secret } });
    } else {
      await tx.ssoProvider.create({
        data: { organizationId: member.organizationId, ...data, clientSecretSealed: secret.clientSecretSealed!, clientSecretHint: secret.clientSecretHint! },
      });
    }
    await tx.ssoDomain.deleteMany({ where: { organizationId: member.organizationId } });
    await tx.ssoDomain.createMany({ data: input.domains.map((domain) => ({ domain, organizationId: member.organizationId })) });
    if (!before) {
      await recordOrganizationEvent(tx, member, orgName, "sso.configured", {
        issuer: input.issuer,
        domains: input.domains.join(", "),
        defaultRole: input.defaultRole,
        requireSso: input.requireSso,
      });
    } else {
      if (changed.length) {
        const metadata: Record<string, string | number | boolean | null> = { changed: changed.join(", ") };
        if (changed.includes("issuer")) Object.assign(metadata, { issuerFrom: before.issuer, issuerTo: input.issuer });
        if (changed.includes("requireSso")) metadata.requireSso = input.requireSso;
        if (changed.includes("domains")) metadata.domains = input.domains.join(", ");
        if (changed.includes("defaultRole")) metadata.defaultRole = input.defaultRole;
        if (changed.includes("maxSessionAgeMinutes")) metadata.maxSessionAgeMinutes = input.maxSessionAgeMinutes;
        await recordOrganizationEvent(tx, member, orgName, "sso.settings_changed", metadata);
      }
      if (input.clientSecret) {
        await recordOrganizationEvent(tx, member, orgName, "sso.client_secret_replaced", { hint: secretHint(input.clientSecret) });
      }
    }
    return { changed: true };
  });
}

export async function removeSsoSettings(member: Member): Promise<{ removed: boolean }> {
  return db().$transaction(async (tx) => {
    const org = await tx.$queryRaw<{ name: string }[]>`SELECT name FROM organizations WHERE id = ${member.organizationId}::uuid FOR UPDATE`;
    const { count } = await tx.ssoProvider.deleteMany({ where: { organizationId: member.organizationId } });
    if (!count) return { removed: false };
    await tx.ssoLogin.deleteMany({ where: { organizationId: member.organizationId } });
    await recordOrganizationEvent(tx, member, org[0]?.name ?? member.organizationName, "sso.removed");
    return { removed: true };
  });
}

/** Whether the organization has a provider (pages offer step-up at it then). */
export async function hasSsoProvider(organizationId: string): Promise<boolean> {
  return (await db().ssoProvider.count({ where: { organizationId } })) === 1;
}
