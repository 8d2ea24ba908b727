// First-run set-up needs a database with no users at all: this file points
// the data layer at a fresh one before first use.
import { beforeAll, describe, expect, it } from "vitest";
import { freshDatabaseUrl } from "@/tests/support/factories";

let setup: typeof import("@/lib/setup/create-first-owner");
let bootstrap: typeof import("@/lib/setup/bootstrap-first-owner");

beforeAll(async () => {
  process.env.DATABASE_URL = await freshDatabaseUrl();
  setup = await import("@/lib/setup/create-first-owner");
  bootstrap = await import("@/lib/setup/bootstrap-first-owner");
});

describe("first-run set-up", () => {
  it("explains how to start while no account exists, and refuses a bad ADMIN_PASSWORD", async () => {
    expect(await bootstrap.bootstrapFirstOwner({ PUBLIC_URL: "http://localhost:3000" })).toMatch(/\/setup/);
    await expect(
      bootstrap.bootstrapFirstOwner({ ADMIN_EMAIL: "admin@example.com", ADMIN_PASSWORD: "short" }),
    ).rejects.toThrow(/ADMIN_PASSWORD/);
    expect(await setup.hasAnyUser()).toBe(false);
  });

  it("creates exactly one owner when several set-ups race", async () => {
    const attempt = (i: number) =>
      setup.createFirstOwner({
        organizationName: `Org ${i}`,
        name: `Owner ${i}`,
        email: `owner${i}@example.com`,
        password: "a long enough password",
      });
    const results = await Promise.allSettled([1, 2, 3, 4].map(attempt));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.filter((r) => r.status === "rejected").map((r) => String((r as PromiseRejectedResult).reason))).toEqual(
      Array(3).fill("AppError: This console is already set up. Sign in instead."),
    );
    expect(await bootstrap.bootstrapFirstOwner({ ADMIN_EMAIL: "x@example.com", ADMIN_PASSWORD: "a long enough password" })).toBe(
      "accounts: set up",
    );
    const { db } = await import("@/lib/db/client");
    expect(await db().user.count()).toBe(1);
    expect(await db().membership.findFirst({ select: { role: true } })).toEqual({ role: "OWNER" });
    expect((await db().auditEvent.findMany()).map((e) => e.action)).toEqual(["organization.created"]);
  });
});
