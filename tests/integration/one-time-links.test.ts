// The shared one-time-link mechanics (lib/one-time-links/links.ts) on their
// own: token shape, digest, and the conditional UPDATE that uses a link up.
import { describe, expect, it } from "vitest";
import { issueLink, LINK_KINDS, linkState, parseLinkToken, pathToken, useLink } from "@/lib/one-time-links/links";
import { db } from "@/lib/db/client";
import { makeMember } from "@/tests/support/factories";

describe("one-time links", () => {
  it("tokens are prefixed per kind, 256 random bits, and parsed only in their own kind", () => {
    const a = issueLink("invitation");
    const b = issueLink("password_reset");
    expect(a.token).toMatch(/^cci_[A-Za-z0-9_-]{43}$/);
    expect(b.token).toMatch(/^ccr_[A-Za-z0-9_-]{43}$/);
    expect(a.url.endsWith(`/invite/${a.token}`)).toBe(true);
    expect(b.url.endsWith(`/reset/${b.token}`)).toBe(true);
    expect(parseLinkToken("invitation", a.token)?.equals(a.tokenHash)).toBe(true);
    expect(parseLinkToken("password_reset", a.token)).toBeNull();
    expect(parseLinkToken("invitation", `${a.token}x`)).toBeNull();
    expect(parseLinkToken("invitation", 42)).toBeNull();
    expect(LINK_KINDS.password_reset.lifetimeMs).toBe(24 * 60 * 60 * 1000);
    // A path segment with a broken %-escape is a token that matches nothing, not an exception.
    expect(pathToken("%E0%A4%A")).toBe("%E0%A4%A");
    expect(pathToken("cci_a%2Db")).toBe("cci_a-b");
    expect(parseLinkToken("invitation", pathToken("%00%ff"))).toBeNull();
  });

  it("20 simultaneous uses of one link: exactly one transaction gets it", async () => {
    const owner = await makeMember("OWNER");
    const link = issueLink("invitation");
    await db().invitation.create({
      data: { organizationId: owner.organizationId, email: "race@example.com", role: "DEVELOPER", tokenHash: link.tokenHash, invitedByEmail: owner.email, expiresAt: link.expiresAt },
    });
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        db().$transaction(async (tx) => {
          const r = await useLink(tx, "invitation", link.tokenHash);
          // Hold the row a moment so the others really queue behind it.
          await tx.$executeRaw`SELECT pg_sleep(0.05)`;
          return r;
        }),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.state)).toEqual(Array(19).fill("used"));
    expect((await linkState(db(), "invitation", link.tokenHash))?.state).toBe("used");
  });

  it("a use whose transaction rolls back leaves the link usable", async () => {
    const owner = await makeMember("OWNER");
    const link = issueLink("invitation");
    await db().invitation.create({
      data: { organizationId: owner.organizationId, email: "rollback@example.com", role: "DEVELOPER", tokenHash: link.tokenHash, invitedByEmail: owner.email, expiresAt: link.expiresAt },
    });
    await expect(
      db().$transaction(async (tx) => {
        expect((await useLink(tx, "invitation", link.tokenHash)).ok).toBe(true);
        throw new Error("refused later in the transaction");
      }),
    ).rejects.toThrow("refused later");
    expect((await linkState(db(), "invitation", link.tokenHash))?.state).toBe("open");
  });
});
