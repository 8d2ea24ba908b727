// Password-reset links against a real PostgreSQL: issued by owners and admins
// for a member of their organization only, shown once, single use under
// concurrency, 24 hours on a controlled clock, ending the member's sessions.
import { beforeEach, describe, expect, it } from "vitest";
import type { Member } from "@/lib/auth/session";
import { issuePasswordReset } from "@/lib/password-resets/issue-password-reset";
import { describePasswordReset, resetPassword } from "@/lib/password-resets/reset-password";
import { hashLinkToken, LINK_STATE_MESSAGES } from "@/lib/one-time-links/links";
import { verifyPassword } from "@/lib/auth/password";
import { db } from "@/lib/db/client";
import { auditActions, makeMember } from "@/tests/support/factories";

const tokenOf = (url: string) => url.slice(url.indexOf("/reset/") + "/reset/".length);
const passwordOf = async (userId: string) => (await db().user.findUniqueOrThrow({ where: { id: userId }, omit: { passwordHash: false } })).passwordHash;
const versionOf = async (userId: string) => (await db().user.findUniqueOrThrow({ where: { id: userId } })).sessionVersion;

let owner: Member;
let dev: Member;
beforeEach(async () => {
  owner = await makeMember("OWNER");
  dev = await makeMember("DEVELOPER", { id: owner.organizationId, name: owner.organizationName });
});

describe("password-reset links", () => {
  it("sets the new password, ends every session, works once, audited; stored as a digest", async () => {
    const issued = await issuePasswordReset(owner, { userId: dev.userId });
    expect(issued.url).toMatch(/\/reset\/ccr_[A-Za-z0-9_-]{43}$/);
    expect(issued.lifetime).toBe("24 hours");
    expect(issued.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(24 * 60 * 60 * 1000);
    const row = await db().passwordReset.findFirstOrThrow({ where: { userId: dev.userId }, omit: { tokenHash: false } });
    expect(Buffer.from(row.tokenHash).equals(hashLinkToken(tokenOf(issued.url)))).toBe(true);
    expect(await describePasswordReset(tokenOf(issued.url))).toMatchObject({ state: "open", email: dev.email });

    const versionBefore = await versionOf(dev.userId);
    const done = await resetPassword({ token: tokenOf(issued.url), password: "a brand new password" });
    expect(await verifyPassword("a brand new password", await passwordOf(dev.userId))).toBe(true);
    expect(await verifyPassword("correct horse battery", await passwordOf(dev.userId))).toBe(false);
    expect(done.user.sessionVersion).toBe(versionBefore + 1);
    expect(await versionOf(dev.userId)).toBe(versionBefore + 1);
    expect(await auditActions(owner.organizationId)).toEqual(["password_reset.created", "password_reset.used"]);

    await expect(resetPassword({ token: tokenOf(issued.url), password: "yet another password" })).rejects.toThrow(LINK_STATE_MESSAGES.used);
    expect(await verifyPassword("a brand new password", await passwordOf(dev.userId))).toBe(true);
  });

  it("of simultaneous uses exactly one sets a password", async () => {
    const issued = await issuePasswordReset(owner, { userId: dev.userId });
    const passwords = Array.from({ length: 8 }, (_, i) => `racing password number ${i}`);
    const results = await Promise.allSettled(passwords.map((password) => resetPassword({ token: tokenOf(issued.url), password })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results) if (r.status === "rejected") expect((r.reason as Error).message).toBe(LINK_STATE_MESSAGES.used);
    const winner = passwords[results.findIndex((r) => r.status === "fulfilled")]!;
    expect(await verifyPassword(winner, await passwordOf(dev.userId))).toBe(true);
    expect((await auditActions(owner.organizationId)).filter((a) => a === "password_reset.used")).toHaveLength(1);
  });

  it("expires after 24 hours (a clock the test controls); a new link replaces the open one", async () => {
    const t0 = new Date("2030-05-01T08:00:00Z");
    const first = await issuePasswordReset(owner, { userId: dev.userId }, t0);
    expect(first.expiresAt.toISOString()).toBe("2030-05-02T08:00:00.000Z");
    const late = new Date(first.expiresAt.getTime() + 1);
    await expect(resetPassword({ token: tokenOf(first.url), password: "too late password" }, late)).rejects.toThrow(LINK_STATE_MESSAGES.expired);
    expect(await describePasswordReset(tokenOf(first.url), late)).toEqual({ state: "expired", message: LINK_STATE_MESSAGES.expired });
    const second = await issuePasswordReset(owner, { userId: dev.userId }, t0);
    expect((await describePasswordReset(tokenOf(first.url), t0)).state).toBe("revoked");
    await resetPassword({ token: tokenOf(second.url), password: "in time password" }, new Date(second.expiresAt.getTime() - 1000));
    expect(await verifyPassword("in time password", await passwordOf(dev.userId))).toBe(true);
  });

  it("only for a member of the organization, an owner only by an owner, and never for an account in another organization too", async () => {
    const org = { id: owner.organizationId, name: owner.organizationName };
    const admin = await makeMember("ADMIN", org);
    const stranger = await makeMember("OWNER");
    await expect(issuePasswordReset(stranger, { userId: dev.userId })).rejects.toMatchObject({ code: "not_found" });
    await expect(issuePasswordReset(admin, { userId: owner.userId })).rejects.toMatchObject({ code: "forbidden" });
    // Nobody makes a reset link for themselves: their own password is changed on the Account page.
    await expect(issuePasswordReset(owner, { userId: owner.userId })).rejects.toThrow(/your Account page/);
    // dev joins another organization: no one here may reset the shared account's password any more.
    await db().membership.create({ data: { organizationId: stranger.organizationId, userId: dev.userId, role: "VISITOR" } });
    await expect(issuePasswordReset(owner, { userId: dev.userId })).rejects.toMatchObject({ code: "conflict" });
    expect(await db().passwordReset.count({ where: { userId: { in: [dev.userId, owner.userId] } } })).toBe(0);
    expect(await auditActions(owner.organizationId)).toEqual([]);
  });

  it("a link issued before the member joined another organization, or was removed, no longer works", async () => {
    const issued = await issuePasswordReset(owner, { userId: dev.userId });
    const other = await makeMember("OWNER");
    await db().membership.create({ data: { organizationId: other.organizationId, userId: dev.userId, role: "VISITOR" } });
    const before = await passwordOf(dev.userId);
    await expect(resetPassword({ token: tokenOf(issued.url), password: "hijack attempt password" })).rejects.toThrow(/can no longer be used/);
    expect(await passwordOf(dev.userId)).toBe(before);
    // ...and the refusal rolled back: the link is not marked used.
    expect((await describePasswordReset(tokenOf(issued.url))).state).toBe("open");
  });

  it("malformed links and invitation tokens are not reset links", async () => {
    for (const token of ["", "ccr_x", `cci_${"A".repeat(43)}`, `ccr_${"A".repeat(43)}`, "x".repeat(3000)]) {
      expect(await describePasswordReset(token)).toEqual({ state: "unknown", message: LINK_STATE_MESSAGES.unknown });
      await expect(resetPassword({ token, password: "a long enough password" })).rejects.toThrow(LINK_STATE_MESSAGES.unknown);
    }
  });
});
