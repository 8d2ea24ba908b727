// Passwords stored at older scrypt parameters are stored anew at today's on
// the next successful sign-in (lib/auth/sign-in.ts), through the same check
// next-auth's credentials endpoint and the sign-in form use.
import { randomBytes, scryptSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { SCRYPT_PARAMS } from "@/lib/auth/password";
import { checkSignIn } from "@/lib/auth/sign-in";
import { makeMember } from "@/tests/support/factories";

const PASSWORD = "an old and trusted password";
const address = () => `10.${[1, 2, 3].map(() => randomBytes(1)[0]).join(".")}`;

/** Exactly what the previous version stored: scrypt N=2^15, r=8, p=1. */
function hashAtOldParameters(password: string): string {
  const salt = randomBytes(16);
  const key = scryptSync(password.normalize("NFKC"), salt, 32, { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 });
  return ["scrypt", 2 ** 15, 8, 1, salt.toString("base64url"), key.toString("base64url")].join("$");
}

async function memberWithOldHash() {
  const member = await makeMember("DEVELOPER");
  const oldHash = hashAtOldParameters(PASSWORD);
  await db().user.update({ where: { id: member.userId }, data: { passwordHash: oldHash } });
  return { member, oldHash };
}

const storedHash = async (userId: string) =>
  (await db().user.findUniqueOrThrow({ where: { id: userId }, omit: { passwordHash: false } })).passwordHash;

describe("password rehash on sign-in", () => {
  it("a user stored at N=2^15 signs in, is stored at N=2^17, and signs in again afterwards", async () => {
    const { member, oldHash } = await memberWithOldHash();
    const user = await checkSignIn({ email: member.email, password: PASSWORD }, address());
    expect(user.id).toBe(member.userId);

    const upgraded = await storedHash(member.userId);
    expect(upgraded).not.toBe(oldHash);
    expect(upgraded).toMatch(new RegExp(`^scrypt\\$${SCRYPT_PARAMS.N}\\$8\\$1\\$[\\w-]{22}\\$[\\w-]{43}$`));
    expect(upgraded).not.toContain(PASSWORD);

    expect((await checkSignIn({ email: member.email, password: PASSWORD }, address())).id).toBe(member.userId);
    // Already at today's parameters: the second sign-in leaves the hash alone.
    expect(await storedHash(member.userId)).toBe(upgraded);
    await expect(checkSignIn({ email: member.email, password: "not the password" }, address())).rejects.toThrow(
      "CredentialsSignin",
    );
  }, 60_000);

  it("a wrong password leaves the old hash as it was, and the right one still works after", async () => {
    const { member, oldHash } = await memberWithOldHash();
    await expect(checkSignIn({ email: member.email, password: "not the password" }, address())).rejects.toThrow(
      "CredentialsSignin",
    );
    expect(await storedHash(member.userId)).toBe(oldHash);
    await checkSignIn({ email: member.email, password: PASSWORD }, address());
    expect(await storedHash(member.userId)).toMatch(/^scrypt\$131072\$/);
  }, 60_000);

  it("an account without an organization is refused and not rehashed", async () => {
    const { member, oldHash } = await memberWithOldHash();
    await db().membership.deleteMany({ where: { userId: member.userId } });
    await expect(checkSignIn({ email: member.email, password: PASSWORD }, address())).rejects.toThrow("CredentialsSignin");
    expect(await storedHash(member.userId)).toBe(oldHash);
  }, 60_000);
});
