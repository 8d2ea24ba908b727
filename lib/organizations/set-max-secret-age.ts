// Owners cap how long new client secrets of the organization may live. The
// cap applies to secrets issued from then on (creation and rotation check it
// in their own transaction); secrets already issued keep their expiry.
import "server-only";
import { db } from "@/lib/db/client";
import { recordOrganizationEvent } from "@/lib/organizations/organization-audit";
import type { Member } from "@/lib/auth/session";

export async function setMaxSecretAge(member: Member, input: { maxSecretAgeDays: number | null }): Promise<{ maxSecretAgeDays: number | null; changed: boolean }> {
  return db().$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ max_secret_age_days: number | null }[]>`
      SELECT max_secret_age_days FROM organizations WHERE id = ${member.organizationId}::uuid FOR UPDATE`;
    const before = rows[0]?.max_secret_age_days ?? null;
    if (before === input.maxSecretAgeDays) return { maxSecretAgeDays: before, changed: false };
    const org = await tx.organization.update({
      where: { id: member.organizationId },
      data: { maxSecretAgeDays: input.maxSecretAgeDays },
      select: { name: true },
    });
    await recordOrganizationEvent(tx, member, org.name, "organization.max_secret_age_changed", { from: before, to: input.maxSecretAgeDays });
    return { maxSecretAgeDays: input.maxSecretAgeDays, changed: true };
  });
}

export async function getMaxSecretAge(organizationId: string): Promise<number | null> {
  const org = await db().organization.findUnique({ where: { id: organizationId }, select: { maxSecretAgeDays: true } });
  return org?.maxSecretAgeDays ?? null;
}
