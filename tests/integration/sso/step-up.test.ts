// Step-up ("sudo mode") before the most powerful actions: creating or
// rotating Administration API credentials, changing single sign-on, making
// someone an owner (by a role change or an invitation). A session that has not confirmed who it is within the
// last minutes is refused, with nothing written; other actions are not affected.
import { describe, expect, it, vi } from "vitest";
import type { Member } from "@/lib/auth/session";

const session = vi.hoisted(() => {
  process.env.KEY_ENCRYPTION_KEY ??= Buffer.alloc(32, 9).toString("base64");
  return { member: null as Member | null };
});
vi.mock("@/lib/auth/session", () => ({ currentMember: async () => session.member }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

import { createAdminClient } from "@/app/actions/create-admin-client";
import { rotateAdminClientSecret } from "@/app/actions/rotate-admin-client-secret";
import { changeMemberRole } from "@/app/actions/change-member-role";
import { inviteMember } from "@/app/actions/invite-member";
import { saveSsoSettings } from "@/app/actions/save-sso-settings";
import { createAdminClient as makeAdminClient } from "@/lib/api-clients/create-admin-client";
import { STEP_UP_REQUIRED } from "@/lib/account/step-up";
import { db } from "@/lib/db/client";
import { makeMember, uniq } from "@/tests/support/factories";

async function everything(organizationId: string) {
  const [clients, secrets, memberships, audit, sso, invitations] = await Promise.all([
    db().apiClient.count({ where: { organizationId } }),
    db().clientSecret.count({ where: { apiClient: { organizationId } } }),
    db().membership.findMany({ where: { organizationId }, orderBy: { id: "asc" } }),
    db().auditEvent.count({ where: { organizationId } }),
    db().ssoProvider.count({ where: { organizationId } }),
    db().invitation.count({ where: { organizationId } }),
  ]);
  return { clients, secrets, memberships, audit, sso, invitations };
}

describe("step-up", () => {
  it("refuses the five powerful actions without step-up, writing nothing, and allows them within it", async () => {
    const owner = await makeMember("OWNER");
    const org = { id: owner.organizationId, name: owner.organizationName };
    const developer = await makeMember("DEVELOPER", org);
    const admin = await makeAdminClient(owner, { name: `admin-${uniq()}`, permissions: ["CLUSTERS_GET"] });
    const calls = [
      () => createAdminClient(undefined, { name: `new-${uniq()}`, permissions: ["CLUSTERS_GET"] }),
      () => rotateAdminClientSecret(undefined, { clientId: admin.clientId, grace: "now" }),
      () => changeMemberRole(undefined, { userId: developer.userId, role: "OWNER" }),
      () => inviteMember(undefined, { email: `owner-${uniq()}@example.com`, role: "OWNER" }),
      () => saveSsoSettings(undefined, { issuer: "https://idp.example", clientId: "c", clientSecret: "s", domains: `su-${uniq()}.test`, defaultRole: "DEVELOPER", maxSessionAgeMinutes: "60" }),
    ];
    // Confirmed 6 minutes ago: the 5 minutes are over.
    session.member = { ...owner, stepUpUntil: Math.floor(Date.now() / 1000) - 60 };
    const before = await everything(org.id);
    for (const call of calls) {
      const result = await call();
      expect(result).toMatchObject({ ok: false, code: "forbidden", error: STEP_UP_REQUIRED });
    }
    expect(await everything(org.id)).toEqual(before);

    // A role change or an invitation that makes no owner needs no step-up.
    expect(await changeMemberRole(undefined, { userId: developer.userId, role: "VISITOR" })).toMatchObject({ ok: true });
    expect(await inviteMember(undefined, { email: `admin-${uniq()}@example.com`, role: "ADMIN" })).toMatchObject({ ok: true });

    session.member = { ...owner, stepUpUntil: Math.floor(Date.now() / 1000) + 120 };
    for (const call of calls) expect(await call()).toMatchObject({ ok: true });
    expect((await db().membership.findFirstOrThrow({ where: { userId: developer.userId, organizationId: org.id } })).role).toBe("OWNER");
  });
});
