// Administration API credentials follow the organization's maximum secret age
// when they are created (issue 22.7), as cluster clients and rotation do:
// through the server action the dialog posts to (session mocked), "never" or
// an expiry past the maximum is refused on the field and writes nothing; no
// choice gets the maximum; an expiry within it is stored. Without a maximum,
// "never" stays possible.
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Member } from "@/lib/auth/session";

const session = vi.hoisted(() => ({ member: null as Member | null }));
vi.mock("@/lib/auth/session", () => ({ currentMember: async () => session.member }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

import { createAdminClient as createAdminClientAction } from "@/app/actions/create-admin-client";
import { db } from "@/lib/db/client";
import { DAY_MS } from "@/lib/api-clients/secret-expiry";
import { setMaxSecretAge } from "@/lib/organizations/set-max-secret-age";
import { makeMember } from "@/tests/support/factories";
import { snapshot } from "../api-clients/helpers";

beforeEach(() => {
  session.member = null;
});

function form(fields: Record<string, string | string[]>): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) for (const x of [v].flat()) f.append(k, x);
  return f;
}

const storedExpiry = async (clientId: string) =>
  (await db().clientSecret.findFirstOrThrow({ where: { apiClient: { clientId } }, select: { expiresAt: true } })).expiresAt;

describe("Administration API credentials and the maximum secret age", () => {
  it("refuses “never” and expiries past a 30-day maximum, writing nothing; no choice gets the maximum", async () => {
    const owner = await makeMember("OWNER");
    await setMaxSecretAge(owner, { maxSecretAgeDays: 30 });
    session.member = owner;
    const base = { name: "terraform", permissions: ["CLUSTERS_GET", "MEMBERS_GET"] };
    const before = await snapshot(owner.organizationId);
    const far = new Date(Date.now() + 45 * DAY_MS).toISOString().slice(0, 10);
    const tooLong: Record<string, string>[] = [{ expiry: "never" }, { expiry: "90d" }, { expiry: "365d" }, { expiry: "date", expiresOn: far }];
    for (const expiry of tooLong) {
      const r = await createAdminClientAction(undefined, form({ ...base, ...expiry }));
      expect(r.ok, JSON.stringify(expiry)).toBe(false);
      if (r.ok) continue;
      expect(r.code).toBe("invalid_input");
      const message = r.fieldErrors?.[expiry.expiry === "date" ? "expiresOn" : "expiry"]?.[0];
      expect(message).toBe("Your organization allows secrets of at most 30 days: choose an earlier expiry.");
    }
    expect(await snapshot(owner.organizationId)).toBe(before);

    // No expiry posted (a form without the field, an older page): the maximum.
    const t0 = Date.now();
    const dflt = await createAdminClientAction(undefined, form(base));
    expect(dflt.ok).toBe(true);
    if (!dflt.ok) return;
    const expiresAt = await storedExpiry(dflt.data.clientId);
    expect(expiresAt!.getTime()).toBeGreaterThanOrEqual(t0 + 30 * DAY_MS);
    expect(expiresAt!.getTime()).toBeLessThanOrEqual(Date.now() + 30 * DAY_MS);
    expect(dflt.data.secretExpiresAt).toEqual(expiresAt);
    const event = await db().auditEvent.findFirstOrThrow({ where: { organizationId: owner.organizationId, action: "admin_client.created" } });
    expect(event.metadata).toMatchObject({ secretExpiresAt: expiresAt!.toISOString() });

    // Within the maximum: stored as chosen.
    const soon = new Date(Date.now() + 10 * DAY_MS).toISOString().slice(0, 10);
    const dated = await createAdminClientAction(undefined, form({ ...base, name: "ci", expiry: "date", expiresOn: soon }));
    expect(dated.ok && (await storedExpiry(dated.data.clientId))).toEqual(new Date(`${soon}T00:00:00Z`));
    const thirty = await createAdminClientAction(undefined, form({ ...base, name: "scripts", expiry: "30d" }));
    expect(thirty.ok).toBe(true);
  });

  it("without a maximum, “never” is allowed and is the default", async () => {
    const owner = await makeMember("ADMIN");
    session.member = owner;
    const never = await createAdminClientAction(undefined, form({ name: "forever", permissions: "CLUSTERS_GET", expiry: "never" }));
    expect(never.ok && (await storedExpiry(never.data.clientId))).toBeNull();
    const dflt = await createAdminClientAction(undefined, { name: "plain", permissions: ["CLUSTERS_GET"] });
    expect(dflt.ok && (await storedExpiry(dflt.data.clientId))).toBeNull();
    const year = await createAdminClientAction(undefined, form({ name: "yearly", permissions: "CLUSTERS_GET", expiry: "365d" }));
    expect(year.ok && (await storedExpiry(year.data.clientId))!.getTime()).toBeGreaterThan(Date.now() + 364 * DAY_MS);
  });
});
