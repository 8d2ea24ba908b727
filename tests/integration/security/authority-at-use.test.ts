// Authority is checked when it is used (issue 22, items 2-4), against a real
// PostgreSQL and, for the Administration API, over HTTP: a reset link, an
// invitation and Administration API credentials carry the right of the
// member who made them, as that member is now; a role change, a removal, a
// password change and a reset withdraw what they take away.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Member } from "@/lib/auth/session";
import { issuePasswordReset } from "@/lib/password-resets/issue-password-reset";
import { describePasswordReset, resetPassword } from "@/lib/password-resets/reset-password";
import { createInvitation } from "@/lib/invitations/create-invitation";
import { acceptWithNewAccount, describeInvitation } from "@/lib/invitations/accept-invitation";
import { changeMemberRole } from "@/lib/members/change-member-role";
import { removeMember } from "@/lib/members/remove-member";
import { changePassword } from "@/lib/account/change-password";
import { createAdminClient } from "@/lib/api-clients/create-admin-client";
import { issueLink, LINK_STATE_MESSAGES } from "@/lib/one-time-links/links";
import { verifyPassword } from "@/lib/auth/password";
import { db } from "@/lib/db/client";
import { makeMember, uniq } from "@/tests/support/factories";
import { adminToken, callApi, startAdminApiServer, type AdminApiServer } from "@/tests/support/admin-api";

const OLD_PASSWORD = "correct horse battery"; // the factories' password
const resetToken = (url: string) => url.slice(url.indexOf("/reset/") + "/reset/".length);
const inviteToken = (url: string) => url.slice(url.indexOf("/invite/") + "/invite/".length);
const passwordOf = async (userId: string) => (await db().user.findUniqueOrThrow({ where: { id: userId }, omit: { passwordHash: false } })).passwordHash;
const roleOf = async (m: Member) =>
  (await db().membership.findUniqueOrThrow({ where: { organizationId_userId: { organizationId: m.organizationId, userId: m.userId } } })).role;
const lastEvent = async (organizationId: string, action: string) =>
  db().auditEvent.findFirstOrThrow({ where: { organizationId, action }, orderBy: { id: "desc" } });

let owner: Member;
let admin: Member;
let dev: Member;
beforeEach(async () => {
  owner = await makeMember("OWNER");
  const org = { id: owner.organizationId, name: owner.organizationName };
  admin = await makeMember("ADMIN", org);
  dev = await makeMember("DEVELOPER", org);
});

describe("item 2: a reset link is checked against the roles of its issuer and its target when it is used", () => {
  it("an admin's link for a developer stops working once an owner makes the developer an owner", async () => {
    const link = await issuePasswordReset(admin, { userId: dev.userId });
    await changeMemberRole(owner, { userId: dev.userId, role: "OWNER" });
    const before = await passwordOf(dev.userId);
    expect(await describePasswordReset(resetToken(link.url))).toEqual({ state: "revoked", message: LINK_STATE_MESSAGES.revoked });
    await expect(resetPassword({ token: resetToken(link.url), password: "the admin takes over" })).rejects.toThrow(LINK_STATE_MESSAGES.revoked);
    expect(await passwordOf(dev.userId)).toBe(before);
    expect((await lastEvent(owner.organizationId, "member.role_changed")).metadata).toMatchObject({ resetLinksForMemberWithdrawn: 1 });
  });

  it("the check at use holds on its own: a target whose role changed without the withdrawal is still refused", async () => {
    const link = await issuePasswordReset(admin, { userId: dev.userId });
    // The role changes behind the domain's back (a restore, a manual fix): the link's row stays open.
    await db().membership.updateMany({ where: { organizationId: dev.organizationId, userId: dev.userId }, data: { role: "OWNER" } });
    const before = await passwordOf(dev.userId);
    expect((await describePasswordReset(resetToken(link.url))).state).toBe("revoked");
    await expect(resetPassword({ token: resetToken(link.url), password: "the admin takes over" })).rejects.toThrow(LINK_STATE_MESSAGES.revoked);
    expect(await passwordOf(dev.userId)).toBe(before);
    // Refused inside the transaction: the link was not used up either.
    expect((await db().passwordReset.findFirstOrThrow({ where: { userId: dev.userId } })).usedAt).toBeNull();
  });

  it("any role change of the target withdraws its open reset links, even an owner's", async () => {
    const link = await issuePasswordReset(owner, { userId: dev.userId });
    await changeMemberRole(owner, { userId: dev.userId, role: "OPERATIONS_ENGINEER" });
    expect((await describePasswordReset(resetToken(link.url))).state).toBe("revoked");
    // A new link after the change works.
    const fresh = await issuePasswordReset(owner, { userId: dev.userId });
    await resetPassword({ token: resetToken(fresh.url), password: "chosen after the change" });
    expect(await verifyPassword("chosen after the change", await passwordOf(dev.userId))).toBe(true);
  });
});

describe("item 3: a demoted or removed admin keeps nothing they issued", () => {
  it("a demotion withdraws every open invitation and reset link the member issued", async () => {
    const reset = await issuePasswordReset(admin, { userId: dev.userId });
    const invite = await createInvitation(admin, { email: `second-self-${uniq()}@example.com`, role: "ADMIN" });
    await changeMemberRole(owner, { userId: admin.userId, role: "DEVELOPER" });
    expect((await describePasswordReset(resetToken(reset.url))).state).toBe("revoked");
    expect((await describeInvitation(inviteToken(invite.url))).state).toBe("revoked");
    await expect(resetPassword({ token: resetToken(reset.url), password: "taking over the dev" })).rejects.toThrow(LINK_STATE_MESSAGES.revoked);
    await expect(acceptWithNewAccount({ token: inviteToken(invite.url), name: "Rejoined", password: "rejoin as admin please" })).rejects.toThrow(
      LINK_STATE_MESSAGES.revoked,
    );
    expect(await db().user.count({ where: { email: invite.email } })).toBe(0);
    expect((await lastEvent(owner.organizationId, "member.role_changed")).metadata).toMatchObject({
      invitationsIssuedWithdrawn: 1,
      resetLinksIssuedWithdrawn: 1,
    });
  });

  it("a removal withdraws them too: the removed admin neither takes over a developer nor rejoins under another email", async () => {
    const reset = await issuePasswordReset(admin, { userId: dev.userId });
    const invite = await createInvitation(admin, { email: `second-self-${uniq()}@example.com`, role: "ADMIN" });
    await removeMember(owner, { userId: admin.userId });
    const before = await passwordOf(dev.userId);
    await expect(resetPassword({ token: resetToken(reset.url), password: "taking over the dev" })).rejects.toThrow(LINK_STATE_MESSAGES.revoked);
    await expect(acceptWithNewAccount({ token: inviteToken(invite.url), name: "Rejoined", password: "rejoin as admin please" })).rejects.toThrow(
      LINK_STATE_MESSAGES.revoked,
    );
    expect(await passwordOf(dev.userId)).toBe(before);
    expect(await db().membership.count({ where: { organizationId: owner.organizationId, role: "ADMIN" } })).toBe(0);
  });

  it("the check at use holds on its own: an issuer whose role dropped without the withdrawal is refused", async () => {
    const reset = await issuePasswordReset(admin, { userId: dev.userId });
    const invite = await createInvitation(admin, { email: `second-self-${uniq()}@example.com`, role: "DEVELOPER" });
    const ownerInvite = await createInvitation(owner, { email: `new-owner-${uniq()}@example.com`, role: "OWNER" });
    await db().membership.updateMany({ where: { organizationId: admin.organizationId, userId: admin.userId }, data: { role: "VISITOR" } });
    await db().membership.updateMany({ where: { organizationId: owner.organizationId, userId: owner.userId }, data: { role: "ADMIN" } });
    await expect(resetPassword({ token: resetToken(reset.url), password: "taking over the dev" })).rejects.toThrow(LINK_STATE_MESSAGES.revoked);
    for (const url of [invite.url, ownerInvite.url]) {
      expect((await describeInvitation(inviteToken(url))).state).toBe("revoked");
      await expect(acceptWithNewAccount({ token: inviteToken(url), name: "Joiner", password: "a long enough password" })).rejects.toThrow(
        LINK_STATE_MESSAGES.revoked,
      );
    }
    // Still an admin: an owner-turned-admin's invitation to Developer would work; only the owner invitation is beyond them.
    const ok = await createInvitation({ ...owner, role: "ADMIN" }, { email: `joiner-${uniq()}@example.com`, role: "DEVELOPER" });
    await expect(acceptWithNewAccount({ token: inviteToken(ok.url), name: "Joiner", password: "a long enough password" })).resolves.toBeTruthy();
  });

  it("a removal revokes the credentials the member created that were chosen, audited in the same transaction; a foreign ID changes nothing", async () => {
    const ci = await createAdminClient(admin, { name: `ci-${uniq()}`, permissions: ["MEMBERS_CREATE"] });
    const kept = await createAdminClient(admin, { name: `kept-${uniq()}`, permissions: ["CLUSTERS_GET"] });
    const ownersOwn = await createAdminClient(owner, { name: `owner-${uniq()}`, permissions: ["CLUSTERS_GET"] });
    // Another member's credentials cannot be revoked through this member: 404, and the member stays.
    await expect(removeMember(owner, { userId: admin.userId, revokeClientIds: [ci.clientId, ownersOwn.clientId] })).rejects.toMatchObject({
      code: "not_found",
    });
    expect(await roleOf(admin)).toBe("ADMIN");
    expect(await db().apiClient.count({ where: { organizationId: owner.organizationId, revokedAt: { not: null } } })).toBe(0);

    await removeMember(owner, { userId: admin.userId, revokeClientIds: [ci.clientId] });
    const revoked = await db().apiClient.findFirstOrThrow({ where: { clientId: ci.clientId } });
    expect(revoked.revokedAt).not.toBeNull();
    expect(revoked.revokedByEmail).toBe(owner.email);
    expect(await db().clientSecret.count({ where: { apiClient: { clientId: ci.clientId }, revokedAt: null } })).toBe(0);
    expect((await db().apiClient.findFirstOrThrow({ where: { clientId: kept.clientId } })).revokedAt).toBeNull();
    const event = await lastEvent(owner.organizationId, "admin_client.revoked");
    expect(event).toMatchObject({ actorEmail: owner.email, targetId: ci.clientId });
    expect(event.metadata).toMatchObject({ reason: "member.removed" });
    expect((await lastEvent(owner.organizationId, "member.removed")).metadata).toMatchObject({ credentialsRevoked: 1 });
  });
});

describe("item 3: Administration API credentials change members only while their creator may", () => {
  let server: AdminApiServer;
  beforeAll(async () => {
    server = await startAdminApiServer();
  });
  afterAll(() => server.close());

  it("an admin demoted to Visitor cannot promote themselves back with credentials made earlier (403), nor change anyone else", async () => {
    const creds = await createAdminClient(admin, { name: `mine-${uniq()}`, permissions: ["MEMBERS_GET", "MEMBERS_CREATE", "MEMBERS_DELETE"] });
    const token = await adminToken(server, creds.clientId, creds.clientSecret);
    // While its creator is an admin, the credentials act as an admin.
    expect((await callApi(server, token, "POST", "/members/{email}", { email: dev.email }, { orgRoles: ["operationsengineer"] })).status).toBe(204);

    // The owner demotes the admin and keeps the credentials (no revocation chosen).
    await changeMemberRole(owner, { userId: admin.userId, role: "VISITOR" });
    const self = await callApi<{ detail: string }>(server, token, "POST", "/members/{email}", { email: admin.email }, { orgRoles: ["admin"] });
    expect(self.status).toBe(403);
    expect(self.body.detail).toMatch(/can no longer manage members/);
    expect(await roleOf(admin)).toBe("VISITOR");
    expect((await callApi(server, token, "POST", "/members/{email}", { email: dev.email }, { orgRoles: ["admin"] })).status).toBe(403);
    expect((await callApi(server, token, "DELETE", "/members/{email}", { email: dev.email })).status).toBe(403);
    expect(await roleOf(dev)).toBe("OPERATIONS_ENGINEER");
    // What was kept keeps working for the rest.
    expect((await callApi(server, token, "GET", "/members")).status).toBe(200);

    // Removed altogether: the same.
    await removeMember(owner, { userId: admin.userId });
    expect((await callApi(server, token, "POST", "/members/{email}", { email: dev.email }, { orgRoles: ["admin"] })).status).toBe(403);
    expect(await roleOf(dev)).toBe("OPERATIONS_ENGINEER");
  });

  it("a burst of self-promotions from a demoted admin's credentials: every one refused", async () => {
    const creds = await createAdminClient(admin, { name: `burst-${uniq()}`, permissions: ["MEMBERS_CREATE"] });
    const token = await adminToken(server, creds.clientId, creds.clientSecret);
    await changeMemberRole(owner, { userId: admin.userId, role: "DEVELOPER" });
    const answers = await Promise.all(
      Array.from({ length: 12 }, () => callApi(server, token, "POST", "/members/{email}", { email: admin.email }, { orgRoles: ["admin"] })),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(12).fill(403));
    expect(await roleOf(admin)).toBe("DEVELOPER");
  });
});

describe("item 4: a password change or a reset withdraws the account's open reset links", () => {
  it("changing one's own password withdraws the reset link made before", async () => {
    const link = await issuePasswordReset(owner, { userId: dev.userId });
    await changePassword({ ...dev }, { currentPassword: OLD_PASSWORD, newPassword: "my own new password", confirmPassword: "my own new password" }, `10.7.${randomBytes(1)[0]}.1`);
    expect((await describePasswordReset(resetToken(link.url))).state).toBe("revoked");
    await expect(resetPassword({ token: resetToken(link.url), password: "the old link's password" })).rejects.toThrow(LINK_STATE_MESSAGES.revoked);
    expect(await verifyPassword("my own new password", await passwordOf(dev.userId))).toBe(true);
    expect((await lastEvent(owner.organizationId, "account.password_changed")).metadata).toMatchObject({ resetLinksWithdrawn: 1 });
  });

  it("a reset withdraws every other open reset link for the account (two issued at the same moment)", async () => {
    const first = await issuePasswordReset(owner, { userId: dev.userId });
    // Two issuers at the same moment can both leave a link open: the second row, as that race leaves it.
    const second = issueLink("password_reset");
    await db().passwordReset.create({
      data: { organizationId: owner.organizationId, userId: dev.userId, issuedById: admin.userId, issuedByEmail: admin.email, tokenHash: second.tokenHash, expiresAt: second.expiresAt },
    });
    await resetPassword({ token: resetToken(first.url), password: "set with the first link" });
    expect((await describePasswordReset(second.token)).state).toBe("revoked");
    await expect(resetPassword({ token: second.token, password: "set with the second link" })).rejects.toThrow(LINK_STATE_MESSAGES.revoked);
    expect(await verifyPassword("set with the first link", await passwordOf(dev.userId))).toBe(true);
  });
});
