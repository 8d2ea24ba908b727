// Console sign-in limits under attack: concurrent bursts, long emails. Drives
// next-auth's own credentials provider (the function /api/auth/callback/credentials
// calls) and counts the password checks it really performs.
import { randomBytes } from "node:crypto";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { RequestInternal } from "next-auth";
import { db } from "@/lib/db/client";
import { hashPassword } from "@/lib/auth/password";
import { authOptions } from "@/lib/auth/auth-options";
import { FRESH_ADDRESS_CHECKS } from "@/lib/auth/sign-in-limits";
import { makeMember } from "@/tests/support/factories";

const checks = vi.hoisted(() => ({ count: 0 }));
vi.mock("@/lib/auth/password", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/auth/password")>();
  return {
    ...real,
    verifyPasswordEvenly: async (password: string, stored: string) => {
      checks.count++;
      return real.verifyPasswordEvenly(password, stored);
    },
  };
});

const ACCOUNT_LIMIT = 10;
const RIGHT = "correct horse battery";

type Authorize = (credentials: Record<string, string>, req: Pick<RequestInternal, "headers">) => Promise<unknown>;
const authorize = (authOptions.providers[0] as unknown as { options: { authorize: Authorize } }).options.authorize;

const address = () => `10.${[1, 2, 3].map(() => randomBytes(1)[0]).join(".")}`;
const attempt = (email: string, password: string, from: string) =>
  authorize({ email, password }, { headers: { "x-console-client-address": from } }).then(
    (user) => (user ? "signed-in" : "wrong"),
    (err: Error) => err.message,
  );

beforeEach(() => {
  checks.count = 0;
});

describe("sign-in limits", () => {
  it("a burst of 150 wrong passwords and the right one performs at most the limit of password checks", async () => {
    const member = await makeMember("DEVELOPER");
    const from = address();
    const burst = [...Array.from({ length: 150 }, (_, i) => `wrong password ${i}`), RIGHT];
    const outcomes = await Promise.all(burst.map((password) => attempt(member.email, password, from)));

    // Every attempt past the limit was refused without a check. The right
    // password, if it was among the first, gives its point back, which may
    // admit one more: never more than the limit of wrong passwords is checked.
    expect(checks.count).toBeLessThanOrEqual(ACCOUNT_LIMIT + 1);
    expect(outcomes.filter((o) => o === "wrong").length).toBeLessThanOrEqual(ACCOUNT_LIMIT);
    expect(outcomes.filter((o) => o === "TooManyAttempts").length).toBeGreaterThanOrEqual(150 - ACCOUNT_LIMIT);

    // After the burst the right password is refused too from the address that guessed, with no check.
    const before = checks.count;
    expect(await attempt(member.email, RIGHT, from)).toBe("TooManyAttempts");
    expect(checks.count).toBe(before);
  }, 120_000);

  it("a burst of 151 wrong passwords checks no more than the limit", async () => {
    const member = await makeMember("DEVELOPER");
    const from = address();
    await Promise.all(Array.from({ length: 151 }, (_, i) => attempt(member.email, `wrong ${i}`, from)));
    expect(checks.count).toBe(ACCOUNT_LIMIT);
  }, 120_000);

  it("the right password gives its point back: eleven good sign-ins in a row all work", async () => {
    const member = await makeMember("DEVELOPER");
    const from = address();
    for (let i = 0; i < ACCOUNT_LIMIT + 1; i++) expect(await attempt(member.email, RIGHT, from)).toBe("signed-in");
  }, 180_000); // a bound against a hang only: each sign-in is a scrypt check, slow on a busy machine

  it("locks a 248-character email like any other, and never shows a database message", async () => {
    const email = `${"a".repeat(50)}.${randomBytes(4).toString("hex")}@${"b".repeat(60)}.${"c".repeat(60)}.${"d".repeat(54)}.example.com`;
    expect(email.length).toBe(248);
    const user = await db().user.create({ data: { email, name: "Long Email", passwordHash: await hashPassword(RIGHT) } });
    const { id: organizationId } = await db().organization.create({ data: { name: "Long email org" } });
    await db().membership.create({ data: { organizationId, userId: user.id, role: "DEVELOPER" } });

    expect(await attempt(email, RIGHT, address())).toBe("signed-in");
    const outcomes: string[] = [];
    const guessers = Array.from({ length: ACCOUNT_LIMIT }, address);
    for (let i = 0; i < ACCOUNT_LIMIT; i++) outcomes.push(await attempt(email, `wrong ${i}`, guessers[i]!));
    expect(outcomes).toEqual(Array(ACCOUNT_LIMIT).fill("wrong"));
    expect(await attempt(email, RIGHT, guessers[0]!)).toBe("TooManyAttempts");
    // The counter's key is a digest: the email is in no row of the limiter table.
    const { length } = await db().oAuthRateLimit.findMany({ where: { key: { contains: "example.com" } } });
    expect(length).toBe(0);
  }, 180_000); // a bound against a hang only: each sign-in is a scrypt check, slow on a busy machine

  // Issue 22.8: knowing an email used to be enough to lock its owner out for 15 minutes.
  describe("a locked account still lets its owner in", () => {
    it("10 wrong passwords from 2 addresses lock those addresses out, even with the right password; the right password from an address that has not tried gets in", async () => {
      const member = await makeMember("DEVELOPER");
      const attackers = [address(), address()];
      const guesses = await Promise.all(Array.from({ length: ACCOUNT_LIMIT }, (_, i) => attempt(member.email, `wrong ${i}`, attackers[i % 2]!)));
      expect(guesses).toEqual(Array(ACCOUNT_LIMIT).fill("wrong"));

      const before = checks.count;
      for (const from of attackers) {
        expect(await attempt(member.email, `another guess`, from)).toBe("TooManyAttempts");
        expect(await attempt(member.email, RIGHT, from)).toBe("TooManyAttempts");
      }
      expect(checks.count).toBe(before); // refused unchecked
      expect(await attempt(member.email, RIGHT, address())).toBe("signed-in");
      // The owner getting in does not open the account to the attackers.
      expect(await attempt(member.email, "yet another guess", attackers[0]!)).toBe("TooManyAttempts");
    }, 120_000);

    it(`distributed guessing stays slow: each new address gets one check of a locked account, ${FRESH_ADDRESS_CHECKS} an hour in all, then it is locked for everyone`, async () => {
      const member = await makeMember("DEVELOPER");
      const lockedBy = address();
      for (let i = 0; i < ACCOUNT_LIMIT; i++) expect(await attempt(member.email, `wrong ${i}`, lockedBy)).toBe("wrong");

      // A burst from one new address: one of them is checked, the rest refused.
      const fromOne = address();
      const burst = await Promise.all(Array.from({ length: 5 }, (_, i) => attempt(member.email, `burst ${i}`, fromOne)));
      expect(burst.filter((o) => o === "wrong")).toHaveLength(1);
      expect(burst.filter((o) => o === "TooManyAttempts")).toHaveLength(4);

      // More new addresses: one check each until the account's budget for new addresses is spent.
      const outcomes: string[] = [];
      for (let i = 1; i < FRESH_ADDRESS_CHECKS + 3; i++) outcomes.push(await attempt(member.email, `spread ${i}`, address()));
      expect(outcomes).toEqual([...Array(FRESH_ADDRESS_CHECKS - 1).fill("wrong"), ...Array(3).fill("TooManyAttempts")]);
      const before = checks.count;
      expect(await attempt(member.email, RIGHT, address())).toBe("TooManyAttempts");
      expect(checks.count).toBe(before);
    }, 180_000);
  });
});
