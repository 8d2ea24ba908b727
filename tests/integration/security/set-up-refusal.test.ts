// Set-up is open to anonymous visitors: once the console is set up, a
// refused attempt must not cost a password hash (scrypt: 128 MiB and about a
// second of CPU each), or anyone could load the server for free.
import { describe, expect, it, vi } from "vitest";
import { makeMember } from "@/tests/support/factories";

const hashes = vi.hoisted(() => ({ count: 0 }));
vi.mock("@/lib/auth/password", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/auth/password")>();
  return {
    ...real,
    hashPassword: async (password: string) => {
      hashes.count++;
      return real.hashPassword(password);
    },
  };
});

describe("first-run set-up once set up", () => {
  it("refuses without hashing the password", async () => {
    await makeMember("OWNER");
    const { createFirstOwner } = await import("@/lib/setup/create-first-owner");
    const before = hashes.count;
    for (let i = 0; i < 5; i++) {
      await expect(
        createFirstOwner({ organizationName: "Late", name: "Late Owner", email: `late${i}@example.com`, password: "a long enough password" }),
      ).rejects.toMatchObject({ code: "conflict" });
    }
    expect(hashes.count - before).toBe(0);
  });
});

describe("adding a member whose email is taken", () => {
  it("refuses without hashing the password", async () => {
    const owner = await makeMember("OWNER");
    const { addMember } = await import("@/lib/members/add-member");
    const before = hashes.count;
    for (let i = 0; i < 5; i++) {
      await expect(
        addMember(owner, { email: owner.email, name: "Twice", password: "a long enough password", role: "DEVELOPER" }),
      ).rejects.toMatchObject({ code: "conflict", fieldErrors: { email: ["This email already has an account."] } });
    }
    expect(hashes.count - before).toBe(0);
  });
});
