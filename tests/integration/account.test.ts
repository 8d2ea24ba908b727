// The account page's actions as a browser calls them: only the request is
// stood in for (its cookies and client address), so the session cookie is
// written by the real writeSessionCookie and read back by the real
// currentMember, and the password goes through the real sign-in limits.
import { randomBytes } from "node:crypto";
import { describe, expect, it, vi } from "vitest";

const browser = vi.hoisted(() => ({ jar: new Map<string, string>(), address: "10.0.0.1" }));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-console-client-address": browser.address }),
  cookies: async () => ({
    get: (name: string) => (browser.jar.has(name) ? { name, value: browser.jar.get(name) } : undefined),
    set: (name: string, value: string) => void browser.jar.set(name, value),
  }),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
const checks = vi.hoisted(() => ({ count: 0 }));
vi.mock("@/lib/auth/password", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/auth/password")>();
  return {
    ...real,
    verifyPassword: async (password: string, stored: string) => {
      checks.count++;
      return real.verifyPassword(password, stored);
    },
    // Sign-in's check.
    verifyPasswordEvenly: async (password: string, stored: string) => {
      checks.count++;
      return real.verifyPasswordEvenly(password, stored);
    },
  };
});

import { changePassword } from "@/app/actions/change-password";
import { renameAccount } from "@/app/actions/rename-account";
import { TOO_MANY_ATTEMPTS, WRONG_CURRENT_PASSWORD } from "@/lib/account/change-password";
import { SIGN_IN_LIMITS } from "@/lib/auth/sign-in-limits";
import { currentMember } from "@/lib/auth/session";
import { writeSessionCookie } from "@/lib/auth/session-cookie";
import { checkSignIn } from "@/lib/auth/sign-in";
import { db } from "@/lib/db/client";
import { auditActions, makeMember, makeOrganization } from "@/tests/support/factories";

const OLD = "correct horse battery"; // the factories' password
const NEW = "a brand new passphrase";

const newAddress = () => `10.${[1, 2, 3].map(() => randomBytes(1)[0]).join(".")}`;

/** A browser signed in as the member: its own cookie jar, with a session cookie as sign-in writes it. */
async function signedInBrowser(userId: string) {
  const user = await db().user.findUniqueOrThrow({ where: { id: userId } });
  const jar = new Map<string, string>();
  browser.jar = jar;
  await writeSessionCookie({ id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion });
  return jar;
}

/** Who the browser with this jar is signed in as now (null: signed out). */
async function whoIs(jar: Map<string, string>) {
  browser.jar = jar;
  return (await currentMember())?.userId ?? null;
}

function as(jar: Map<string, string>, address = newAddress()) {
  browser.jar = jar;
  browser.address = address;
}

const userRow = (id: string) => db().user.findUniqueOrThrow({ where: { id }, omit: { passwordHash: false } });
const signIn = (email: string, password: string, from = newAddress()) =>
  checkSignIn({ email, password }, from).then(
    () => "signed-in",
    (err: Error) => err.message,
  );

describe("change password", () => {
  it("replaces the hash, ends every other session, keeps this one, and is audited", async () => {
    const member = await makeMember("DEVELOPER");
    const elsewhere = await signedInBrowser(member.userId);
    const here = await signedInBrowser(member.userId);
    expect(await whoIs(elsewhere)).toBe(member.userId);
    const before = await userRow(member.userId);

    as(here);
    const result = await changePassword(undefined, { currentPassword: OLD, newPassword: NEW, confirmPassword: NEW });
    expect(result).toMatchObject({ ok: true });

    const after = await userRow(member.userId);
    expect(after.passwordHash).not.toBe(before.passwordHash);
    expect(after.passwordHash).toMatch(/^scrypt\$131072\$8\$1\$/);
    expect(after.sessionVersion).toBeGreaterThan(before.sessionVersion);
    // This browser got a fresh cookie and stays signed in; the other one is out.
    expect(await whoIs(here)).toBe(member.userId);
    expect(await whoIs(elsewhere)).toBeNull();

    expect(await signIn(member.email, OLD)).toBe("CredentialsSignin");
    expect(await signIn(member.email, NEW)).toBe("signed-in");
    expect(await auditActions(member.organizationId)).toEqual(["account.password_changed"]);
    const event = await db().auditEvent.findFirstOrThrow({ where: { organizationId: member.organizationId } });
    expect(event).toMatchObject({ actorId: member.userId, targetId: member.userId, targetName: member.email });
    expect(JSON.stringify({ ...event, id: String(event.id) })).not.toContain(NEW);
  }, 60_000);

  it("is audited in each organization the user belongs to", async () => {
    const member = await makeMember("OWNER");
    const other = await makeOrganization();
    await db().membership.create({ data: { organizationId: other.id, userId: member.userId, role: "VISITOR" } });
    as(await signedInBrowser(member.userId));
    expect(await changePassword(undefined, { currentPassword: OLD, newPassword: NEW, confirmPassword: NEW })).toMatchObject({ ok: true });
    expect(await auditActions(member.organizationId)).toEqual(["account.password_changed"]);
    expect(await auditActions(other.id)).toEqual(["account.password_changed"]);
  }, 60_000);

  it("a wrong current password changes nothing and ends no session", async () => {
    const member = await makeMember("DEVELOPER");
    const elsewhere = await signedInBrowser(member.userId);
    const here = await signedInBrowser(member.userId);
    const before = await userRow(member.userId);

    as(here);
    const result = await changePassword(undefined, { currentPassword: "not my password", newPassword: NEW, confirmPassword: NEW });
    expect(result).toMatchObject({ ok: false, code: "invalid_input", fieldErrors: { currentPassword: [WRONG_CURRENT_PASSWORD] } });

    expect(await userRow(member.userId)).toEqual(before);
    expect(await whoIs(here)).toBe(member.userId);
    expect(await whoIs(elsewhere)).toBe(member.userId);
    expect(await auditActions(member.organizationId)).toEqual([]);
    expect(await signIn(member.email, OLD)).toBe("signed-in");
  }, 60_000);

  it("too short, mismatched, unchanged or missing: a field error each, no password check, nothing changed", async () => {
    const member = await makeMember("DEVELOPER");
    const here = await signedInBrowser(member.userId);
    const before = await userRow(member.userId);
    as(here);
    const cases: Array<[Record<string, unknown>, string, string]> = [
      [{ currentPassword: OLD, newPassword: "short", confirmPassword: "short" }, "newPassword", "Use at least 12 characters."],
      [{ currentPassword: OLD, newPassword: NEW, confirmPassword: `${NEW}!` }, "confirmPassword", "The two new passwords do not match."],
      [{ currentPassword: OLD, newPassword: OLD, confirmPassword: OLD }, "newPassword", "Choose a password other than your current one."],
      [{ currentPassword: "", newPassword: NEW, confirmPassword: NEW }, "currentPassword", "Enter your current password."],
      [{ newPassword: NEW, confirmPassword: NEW }, "currentPassword", "Enter your current password."],
      [{ currentPassword: OLD, newPassword: NEW, confirmPassword: "" }, "confirmPassword", "Enter the new password again."],
      [{ currentPassword: OLD, newPassword: "x".repeat(201), confirmPassword: "x".repeat(201) }, "newPassword", "Use at most 200 characters."],
    ];
    const checksBefore = checks.count;
    for (const [input, field, message] of cases) {
      const result = await changePassword(undefined, input);
      expect(result, JSON.stringify(input)).toMatchObject({ ok: false, code: "invalid_input", fieldErrors: { [field]: [message] } });
    }
    expect(checks.count).toBe(checksBefore);
    expect(await userRow(member.userId)).toEqual(before);
    expect(await whoIs(here)).toBe(member.userId);
    expect(await auditActions(member.organizationId)).toEqual([]);
  }, 60_000);

  it("a burst of wrong current passwords gets no more checks than the sign-in limit, and locks sign-in too", async () => {
    const member = await makeMember("DEVELOPER");
    const here = await signedInBrowser(member.userId);
    const before = await userRow(member.userId);
    as(here);
    checks.count = 0;
    const burst = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        changePassword(undefined, { currentPassword: `wrong password ${i}`, newPassword: NEW, confirmPassword: NEW }),
      ),
    );
    expect(checks.count).toBe(SIGN_IN_LIMITS.account);
    expect(burst.filter((r) => !r.ok && r.fieldErrors?.currentPassword?.[0] === WRONG_CURRENT_PASSWORD)).toHaveLength(SIGN_IN_LIMITS.account);
    expect(burst.filter((r) => !r.ok && r.error === TOO_MANY_ATTEMPTS)).toHaveLength(40 - SIGN_IN_LIMITS.account);

    // The right password is refused now, unchecked; so is sign-in (the same counter).
    expect(await changePassword(undefined, { currentPassword: OLD, newPassword: NEW, confirmPassword: NEW })).toMatchObject({
      ok: false,
      error: TOO_MANY_ATTEMPTS,
    });
    expect(checks.count).toBe(SIGN_IN_LIMITS.account);
    expect(await signIn(member.email, OLD, browser.address)).toBe("TooManyAttempts");
    expect(await userRow(member.userId)).toEqual(before);
    expect(await whoIs(here)).toBe(member.userId);
  }, 120_000);

  it("the right password gives its point back: the limit counts wrong passwords only", async () => {
    const member = await makeMember("DEVELOPER");
    as(await signedInBrowser(member.userId));
    for (let i = 0; i < SIGN_IN_LIMITS.account - 1; i++) {
      await changePassword(undefined, { currentPassword: `wrong ${i}`, newPassword: NEW, confirmPassword: NEW });
    }
    expect(await changePassword(undefined, { currentPassword: OLD, newPassword: NEW, confirmPassword: NEW })).toMatchObject({ ok: true });
    // Nine wrong, one right: one more wrong is still allowed (and checked), then the account is locked.
    expect(await changePassword(undefined, { currentPassword: "wrong again", newPassword: OLD, confirmPassword: OLD })).toMatchObject({
      fieldErrors: { currentPassword: [WRONG_CURRENT_PASSWORD] },
    });
    expect(await signIn(member.email, NEW, browser.address)).toBe("TooManyAttempts");
  }, 120_000);

  it("wrong passwords from 2 addresses lock them out, but not the owner changing the password from an address that has not tried (issue 22.8)", async () => {
    const member = await makeMember("DEVELOPER");
    const attackers = [newAddress(), newAddress()];
    for (let i = 0; i < SIGN_IN_LIMITS.account; i++) {
      expect(await signIn(member.email, `wrong ${i}`, attackers[i % 2])).toBe("CredentialsSignin");
    }
    // A stolen session used from an attacker's address: refused, right password or not.
    const stolen = await signedInBrowser(member.userId);
    as(stolen, attackers[0]);
    expect(await changePassword(undefined, { currentPassword: OLD, newPassword: NEW, confirmPassword: NEW })).toMatchObject({
      ok: false,
      error: TOO_MANY_ATTEMPTS,
    });
    // The owner, elsewhere: gets through with the right current password.
    const owner = await signedInBrowser(member.userId);
    as(owner, newAddress());
    expect(await changePassword(undefined, { currentPassword: OLD, newPassword: NEW, confirmPassword: NEW })).toMatchObject({ ok: true });
    expect(await whoIs(owner)).toBe(member.userId);
    expect(await signIn(member.email, NEW, attackers[1])).toBe("TooManyAttempts");
    expect(await signIn(member.email, NEW)).toBe("signed-in");
  }, 120_000);

  it("two changes at once with the right current password: exactly one wins", async () => {
    const member = await makeMember("DEVELOPER");
    as(await signedInBrowser(member.userId));
    const [a, b] = await Promise.all(
      ["first new password", "second new password"].map((p) =>
        changePassword(undefined, { currentPassword: OLD, newPassword: p, confirmPassword: p }),
      ),
    );
    expect([a, b].filter((r) => r?.ok)).toHaveLength(1);
    expect([a, b].find((r) => !r?.ok)).toMatchObject({ ok: false, code: "conflict" });
    const winner = a?.ok ? "first new password" : "second new password";
    const loser = a?.ok ? "second new password" : "first new password";
    expect(await signIn(member.email, loser)).toBe("CredentialsSignin");
    expect(await signIn(member.email, winner)).toBe("signed-in");
    expect(await auditActions(member.organizationId)).toEqual(["account.password_changed"]);
  }, 60_000);

  it("refuses a browser whose session has ended", async () => {
    const member = await makeMember("DEVELOPER");
    const stale = await signedInBrowser(member.userId);
    as(await signedInBrowser(member.userId));
    expect(await changePassword(undefined, { currentPassword: OLD, newPassword: NEW, confirmPassword: NEW })).toMatchObject({ ok: true });
    as(stale);
    const before = await userRow(member.userId);
    expect(await changePassword(undefined, { currentPassword: NEW, newPassword: OLD, confirmPassword: OLD })).toMatchObject({
      ok: false,
      code: "unauthenticated",
    });
    expect(await userRow(member.userId)).toEqual(before);
  }, 60_000);
});

describe("rename account", () => {
  it("saves the name, audits from and to, and refuses invisible characters or a name too long", async () => {
    const member = await makeMember("ADMIN");
    as(await signedInBrowser(member.userId));
    expect(await renameAccount(undefined, { name: "  Ada Lovelace  " })).toMatchObject({ ok: true, data: { name: "Ada Lovelace", changed: true } });
    expect((await userRow(member.userId)).name).toBe("Ada Lovelace");
    expect(await renameAccount(undefined, { name: "Ada Lovelace" })).toMatchObject({ ok: true, data: { changed: false } });
    const events = await db().auditEvent.findMany({ where: { organizationId: member.organizationId } });
    expect(events.map((e) => [e.action, e.metadata])).toEqual([["account.renamed", { from: member.name, to: "Ada Lovelace" }]]);

    for (const [name, message] of [
      ["Ada\u202eecalevoL", "Use visible characters only. Remove U+202E, which is invisible."],
      ["Ada\nLovelace", "Use visible characters only. Remove the line break."],
      ["\u3164", "Use visible characters only. Remove U+3164, which looks blank."],
      ["   ", "Enter a name."],
      ["x".repeat(101), "Use at most 100 characters."],
    ] as const) {
      expect(await renameAccount(undefined, { name })).toMatchObject({ ok: false, code: "invalid_input", fieldErrors: { name: [message] } });
    }
    expect((await userRow(member.userId)).name).toBe("Ada Lovelace");
    expect(await auditActions(member.organizationId)).toEqual(["account.renamed"]);
  });

  it("signed out: refused, nothing changed", async () => {
    const member = await makeMember("VISITOR");
    as(new Map());
    expect(await renameAccount(undefined, { name: "Someone Else" })).toMatchObject({ ok: false, code: "unauthenticated" });
    expect((await userRow(member.userId)).name).toBe(member.name);
  });
});
