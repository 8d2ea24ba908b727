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

describe("accepting an invitation as a new person for an email that has an account, or with an unusable link", () => {
  it("refuses without hashing the password", async () => {
    const owner = await makeMember("OWNER");
    const existing = await makeMember("DEVELOPER");
    const { createInvitation } = await import("@/lib/invitations/create-invitation");
    const { revokeInvitation } = await import("@/lib/invitations/revoke-invitation");
    const { acceptWithNewAccount } = await import("@/lib/invitations/accept-invitation");
    const taken = await createInvitation(owner, { email: existing.email, role: "DEVELOPER" });
    const revoked = await createInvitation(owner, { email: "withdrawn@example.com", role: "DEVELOPER" });
    await revokeInvitation(owner, { invitationId: revoked.invitationId });
    const before = hashes.count;
    for (const url of [taken.url, revoked.url, `${taken.url.slice(0, -3)}abc`]) {
      const token = url.split("/invite/")[1]!;
      await expect(acceptWithNewAccount({ token, name: "Twice", password: "a long enough password" })).rejects.toMatchObject({ code: "conflict" });
    }
    expect(hashes.count - before).toBe(0);
  });
});
