// Invitation links against a real PostgreSQL: shown once and stored as a
// hash, single use under concurrency, expiry on a controlled clock,
// revocation, the email of the account that accepts, and the same answer to
// the admin whether or not the email has an account (security review 9.7).
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Member } from "@/lib/auth/session";

const session = vi.hoisted(() => ({ member: null as Member | null }));
vi.mock("@/lib/auth/session", () => ({ currentMember: async () => session.member, requireMember: async () => session.member }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

import { inviteMember } from "@/app/actions/invite-member";
import { createInvitation } from "@/lib/invitations/create-invitation";
import { revokeInvitation } from "@/lib/invitations/revoke-invitation";
import { listInvitations } from "@/lib/invitations/list-invitations";
import { acceptAsUser, acceptWithNewAccount, describeInvitation } from "@/lib/invitations/accept-invitation";
import { hashLinkToken, LINK_STATE_MESSAGES } from "@/lib/one-time-links/links";
import { verifyPassword } from "@/lib/auth/password";
import { db } from "@/lib/db/client";
import { auditActions, makeMember, uniq } from "@/tests/support/factories";

const DAY = 24 * 60 * 60 * 1000;
const tokenOf = (url: string) => url.slice(url.indexOf("/invite/") + "/invite/".length);
const newEmail = () => `invitee-${uniq()}@example.com`;

let owner: Member;
beforeEach(async () => {
  owner = await makeMember("OWNER");
  session.member = owner;
});

describe("creating an invitation", () => {
  it("shows the link once and stores only its SHA-256 digest, with an audit event", async () => {
    const email = newEmail();
    const inv = await createInvitation(owner, { email, role: "OPERATIONS_ENGINEER" });
    expect(inv.url).toMatch(/^http:\/\/localhost:3999\/invite\/cci_[A-Za-z0-9_-]{43}$/);
    expect(inv.expiresAt.getTime() - Date.now()).toBeGreaterThan(7 * DAY - 60_000);
    expect(inv.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(7 * DAY);
    const token = tokenOf(inv.url);
    const row = await db().invitation.findUniqueOrThrow({ where: { id: inv.invitationId }, omit: { tokenHash: false } });
    expect(Buffer.from(row.tokenHash).equals(hashLinkToken(token))).toBe(true);
    // The plaintext is nowhere in the row.
    expect(JSON.stringify(row)).not.toContain(token.slice(4, 20));
    expect(row).toMatchObject({ email, role: "OPERATIONS_ENGINEER", invitedByEmail: owner.email, usedAt: null, revokedAt: null });
    expect((await listInvitations(owner.organizationId)).map((i) => [i.email, i.role, i.invitedByEmail, i.expired])).toEqual([
      [email, "OPERATIONS_ENGINEER", owner.email, false],
    ]);
    expect(await auditActions(owner.organizationId)).toEqual(["invitation.created"]);
  });

  it("9.7: the admin gets the same answer whether or not the email has an account elsewhere", async () => {
    // An account in another organization, and an email nobody uses.
    const elsewhere = await makeMember("DEVELOPER");
    const emails = [elsewhere.email, newEmail()];
    const answers = [];
    for (const email of emails) {
      const r = await inviteMember(undefined, { email, role: "DEVELOPER" });
      expect(r.ok, JSON.stringify(r)).toBe(true);
      if (!r.ok) return;
      const { url, expiresAt, invitationId, email: answeredEmail, ...rest } = r.data;
      expect(answeredEmail).toBe(email);
      expect(url).toMatch(/\/invite\/cci_[A-Za-z0-9_-]{43}$/);
      expect(expiresAt).toBeInstanceOf(Date);
      expect(invitationId).toMatch(/^[0-9a-f-]{36}$/);
      answers.push({ keys: Object.keys(r.data).sort(), rest, message: (r as { message?: string }).message });
    }
    expect(answers[0]).toEqual(answers[1]);
    // No account was made or touched; the other organization's member is still only there.
    expect((await db().user.findMany({ where: { email: { in: emails } }, select: { id: true } })).map((u) => u.id)).toEqual([elsewhere.userId]);
    expect(await db().membership.count({ where: { userId: elsewhere.userId } })).toBe(1);
  });

  it("refuses a current member, and an owner invitation from an admin, writing nothing", async () => {
    const org = { id: owner.organizationId, name: owner.organizationName };
    const admin = await makeMember("ADMIN", org);
    await expect(createInvitation(owner, { email: admin.email, role: "DEVELOPER" })).rejects.toMatchObject({
      code: "conflict",
      fieldErrors: { email: ["This person is already a member of the organization."] },
    });
    await expect(createInvitation(admin, { email: newEmail(), role: "OWNER" })).rejects.toMatchObject({ code: "forbidden" });
    expect(await db().invitation.count({ where: { organizationId: owner.organizationId } })).toBe(0);
    expect(await auditActions(owner.organizationId)).toEqual([]);
  });

  it("a new invitation for the same email replaces the open one", async () => {
    const email = newEmail();
    const first = await createInvitation(owner, { email, role: "DEVELOPER" });
    const second = await createInvitation(owner, { email, role: "ADMIN" });
    expect((await describeInvitation(tokenOf(first.url))).state).toBe("revoked");
    expect(await describeInvitation(tokenOf(second.url))).toMatchObject({ state: "open", role: "ADMIN" });
    expect((await listInvitations(owner.organizationId)).map((i) => i.id)).toEqual([second.invitationId]);
  });
});

describe("accepting an invitation", () => {
  it("a new person chooses a name and password and becomes a member with the invited role", async () => {
    const email = newEmail();
    const inv = await createInvitation(owner, { email, role: "DEVELOPER" });
    const joined = await acceptWithNewAccount({ token: tokenOf(inv.url), name: "New Person", password: "a long enough password" });
    expect(joined.organizationId).toBe(owner.organizationId);
    const user = await db().user.findUniqueOrThrow({ where: { email }, omit: { passwordHash: false }, include: { memberships: true } });
    expect(user.name).toBe("New Person");
    expect(await verifyPassword("a long enough password", user.passwordHash)).toBe(true);
    expect(user.memberships.map((m) => [m.organizationId, m.role])).toEqual([[owner.organizationId, "DEVELOPER"]]);
    expect(await db().invitation.findUniqueOrThrow({ where: { id: inv.invitationId } })).toMatchObject({ usedById: user.id });
    expect(await auditActions(owner.organizationId)).toEqual(["invitation.created", "invitation.accepted"]);
    expect(await listInvitations(owner.organizationId)).toEqual([]);
    // Used: refused with a clear message, nothing more written.
    await expect(acceptWithNewAccount({ token: tokenOf(inv.url), name: "Again", password: "another long password" })).rejects.toThrow(
      LINK_STATE_MESSAGES.used,
    );
    expect(await describeInvitation(tokenOf(inv.url))).toEqual({ state: "used", message: LINK_STATE_MESSAGES.used });
  });

  it("of simultaneous acceptances of one link exactly one succeeds", async () => {
    const email = newEmail();
    const inv = await createInvitation(owner, { email, role: "VISITOR" });
    const token = tokenOf(inv.url);
    const results = await Promise.allSettled(
      Array.from({ length: 12 }, (_, i) => acceptWithNewAccount({ token, name: `Racer ${i}`, password: "a long enough password" })),
    );
    const won = results.filter((r) => r.status === "fulfilled");
    expect(won).toHaveLength(1);
    // The losers wait on the winner's row lock, then find the link used (not a clash on the email).
    for (const r of results) if (r.status === "rejected") expect((r.reason as Error).message).toBe(LINK_STATE_MESSAGES.used);
    expect(await db().user.count({ where: { email } })).toBe(1);
    expect(await db().membership.count({ where: { organizationId: owner.organizationId } })).toBe(2);
    expect((await auditActions(owner.organizationId)).filter((a) => a === "invitation.accepted")).toHaveLength(1);
  });

  it("of simultaneous acceptances by an existing account exactly one succeeds", async () => {
    const other = await makeMember("OWNER");
    const inv = await createInvitation(owner, { email: other.email, role: "DEVELOPER" });
    const results = await Promise.allSettled(Array.from({ length: 10 }, () => acceptAsUser(other.userId, tokenOf(inv.url))));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results) if (r.status === "rejected") expect((r.reason as Error).message).toBe(LINK_STATE_MESSAGES.used);
    expect(await db().membership.count({ where: { userId: other.userId } })).toBe(2);
  });

  it("expires after 7 days (a clock the test controls)", async () => {
    const t0 = new Date("2030-03-01T12:00:00Z");
    const email = newEmail();
    const inv = await createInvitation(owner, { email, role: "DEVELOPER" }, t0);
    expect(inv.expiresAt.toISOString()).toBe("2030-03-08T12:00:00.000Z");
    const token = tokenOf(inv.url);
    const justAfter = new Date(inv.expiresAt.getTime() + 1);
    expect(await describeInvitation(token, justAfter)).toEqual({ state: "expired", message: LINK_STATE_MESSAGES.expired });
    await expect(acceptWithNewAccount({ token, name: "Late", password: "a long enough password" }, justAfter)).rejects.toThrow(LINK_STATE_MESSAGES.expired);
    expect(await db().user.count({ where: { email } })).toBe(0);
    // Listed as expired at that time, so it can be withdrawn or replaced.
    expect((await listInvitations(owner.organizationId, justAfter))[0]?.expired).toBe(true);
    // A minute before the end it still works.
    await acceptWithNewAccount({ token, name: "In time", password: "a long enough password" }, new Date(inv.expiresAt.getTime() - 60_000));
    expect(await db().user.count({ where: { email } })).toBe(1);
  });

  it("a revoked link is refused; revoking twice, or another organization's invitation, is refused", async () => {
    const inv = await createInvitation(owner, { email: newEmail(), role: "DEVELOPER" });
    const stranger = await makeMember("OWNER");
    await expect(revokeInvitation(stranger, { invitationId: inv.invitationId })).rejects.toMatchObject({ code: "not_found" });
    await revokeInvitation(owner, { invitationId: inv.invitationId });
    await expect(revokeInvitation(owner, { invitationId: inv.invitationId })).rejects.toMatchObject({ code: "conflict" });
    await expect(acceptWithNewAccount({ token: tokenOf(inv.url), name: "X", password: "a long enough password" })).rejects.toThrow(
      LINK_STATE_MESSAGES.revoked,
    );
    expect(await auditActions(owner.organizationId)).toEqual(["invitation.created", "invitation.revoked"]);
    expect(await auditActions(stranger.organizationId)).toEqual([]);
  });

  it("only the account with the invited email can accept; a mismatch leaves the link usable", async () => {
    const invited = await makeMember("DEVELOPER");
    const someoneElse = await makeMember("DEVELOPER");
    const inv = await createInvitation(owner, { email: invited.email, role: "ADMIN" });
    await expect(acceptAsUser(someoneElse.userId, tokenOf(inv.url))).rejects.toMatchObject({ code: "forbidden" });
    expect(await db().membership.count({ where: { userId: someoneElse.userId } })).toBe(1);
    expect((await describeInvitation(tokenOf(inv.url))).state).toBe("open");
    // The right account joins; it now belongs to two organizations.
    await acceptAsUser(invited.userId, tokenOf(inv.url));
    const orgs = await db().membership.findMany({ where: { userId: invited.userId }, select: { organizationId: true, role: true } });
    expect(orgs).toEqual(expect.arrayContaining([{ organizationId: owner.organizationId, role: "ADMIN" }, { organizationId: invited.organizationId, role: "DEVELOPER" }]));
  });

  it("an email that has an account cannot get a second one; the link stays usable by that account", async () => {
    const existing = await makeMember("VISITOR");
    const inv = await createInvitation(owner, { email: existing.email, role: "DEVELOPER" });
    await expect(acceptWithNewAccount({ token: tokenOf(inv.url), name: "Impostor", password: "a long enough password" })).rejects.toMatchObject({
      code: "conflict",
      fieldErrors: { password: [expect.stringContaining("already exists")] },
    });
    expect((await describeInvitation(tokenOf(inv.url))).state).toBe("open");
    expect(await db().user.count({ where: { email: existing.email } })).toBe(1);
  });

  it("malformed and unknown links get a clear answer and touch nothing", async () => {
    for (const token of ["", "x", "cci_short", `cci_${"A".repeat(43)}`, `ccr_${"A".repeat(43)}`, `cci_${"!".repeat(43)}`, "%00", "../../etc/passwd", "a".repeat(5000)]) {
      expect(await describeInvitation(token)).toEqual({ state: "unknown", message: LINK_STATE_MESSAGES.unknown });
      await expect(acceptWithNewAccount({ token, name: "X", password: "a long enough password" })).rejects.toThrow(LINK_STATE_MESSAGES.unknown);
    }
  });
});
