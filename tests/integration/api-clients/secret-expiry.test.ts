// Secret expiry: chosen at creation and rotation, capped by the organization's
// maximum secret age, and enforced by the token endpoint on the next request.
// Time moves by setting the process clock (only Date is faked: timers and I/O
// run as usual), never by sleeping.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { createClient } from "@/lib/api-clients/create-client";
import { rotateClientSecret } from "@/lib/api-clients/rotate-client-secret";
import { listClients } from "@/lib/api-clients/list-clients";
import { DAY_MS, expiresInWords, resolveSecretExpiry } from "@/lib/api-clients/secret-expiry";
import { setMaxSecretAge } from "@/lib/organizations/set-max-secret-age";
import { postForm, startOAuthServer, testIp, type TestServer } from "@/tests/support/oauth-factories";
import { makeClusterWithOwner, snapshot } from "./helpers";

let server: TestServer;
beforeAll(async () => {
  server = await startOAuthServer();
});
afterAll(() => server.close());
afterEach(() => vi.useRealTimers());

const refusal = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (err) {
    if (err instanceof AppError) return { code: err.code, fieldErrors: err.fieldErrors };
    throw err;
  }
  throw new Error("expected a refusal");
};

describe("resolving a secret's expiry", () => {
  const now = new Date("2027-01-10T08:00:00.000Z");
  it("offers never, 30, 90 and 365 days, and a date (00:00 UTC)", () => {
    expect(resolveSecretExpiry({ expiry: "never" }, now, null)).toBeNull();
    expect(resolveSecretExpiry({}, now, null)).toBeNull();
    expect(resolveSecretExpiry({ expiry: "30d" }, now, null)).toEqual(new Date(now.getTime() + 30 * DAY_MS));
    expect(resolveSecretExpiry({ expiry: "365d" }, now, null)).toEqual(new Date(now.getTime() + 365 * DAY_MS));
    expect(resolveSecretExpiry({ expiry: "date", expiresOn: "2027-02-01" }, now, null)).toEqual(new Date("2027-02-01T00:00:00.000Z"));
    expect(() => resolveSecretExpiry({ expiry: "date" }, now, null)).toThrow("Enter the date the secret expires.");
    expect(() => resolveSecretExpiry({ expiry: "date", expiresOn: "2027-01-10" }, now, null)).toThrow("Choose a date in the future.");
    expect(() => resolveSecretExpiry({ expiry: "date", expiresOn: "2040-01-01" }, now, null)).toThrow("within 10 years");
  });
  it("stays within the organization's maximum, which is also the default", () => {
    expect(resolveSecretExpiry({}, now, 90)).toEqual(new Date(now.getTime() + 90 * DAY_MS));
    expect(resolveSecretExpiry({ expiry: "30d" }, now, 90)).toEqual(new Date(now.getTime() + 30 * DAY_MS));
    expect(() => resolveSecretExpiry({ expiry: "never" }, now, 90)).toThrow("at most 90 days");
    expect(() => resolveSecretExpiry({ expiry: "365d" }, now, 90)).toThrow("at most 90 days");
    expect(() => resolveSecretExpiry({ expiry: "date", expiresOn: "2027-06-01" }, now, 90)).toThrow("at most 90 days");
  });
  it("words the time left", () => {
    expect(expiresInWords(new Date(now.getTime() + 5 * DAY_MS), now)).toBe("expires in 5 days");
    expect(expiresInWords(new Date(now.getTime() + 36 * 3600_000), now)).toBe("expires in 2 days");
    expect(expiresInWords(new Date(now.getTime() + 3600_000), now)).toBe("expires today");
    expect(expiresInWords(new Date(now.getTime() - 1), now)).toBe("expired");
  });
});

describe("expiry at creation and rotation", () => {
  it("stores the chosen expiry and shows 'expiring' from 14 days before", async () => {
    const { owner, cluster } = await makeClusterWithOwner();
    const before = Date.now();
    const c = await createClient(owner, { clusterId: cluster.id, name: "exp", scopes: ["ZEEBE"], expiry: "30d" });
    const stored = await db().clientSecret.findFirstOrThrow({ where: { apiClient: { clientId: c.clientId } } });
    expect(stored.expiresAt!.getTime()).toBeGreaterThanOrEqual(before + 30 * DAY_MS);
    expect(stored.expiresAt!.getTime()).toBeLessThanOrEqual(Date.now() + 30 * DAY_MS);
    expect(c.secretExpiresAt).toEqual(stored.expiresAt);
    const at = (days: number) => new Date(stored.expiresAt!.getTime() - days * DAY_MS);
    const view = async (now: Date) => (await listClients(owner.organizationId, cluster.id, { now })).clients[0]!;
    expect((await view(at(15))).status).toBe("active");
    expect(await view(at(14))).toMatchObject({ status: "expiring", secretExpiresAt: stored.expiresAt });
    expect(expiresInWords(stored.expiresAt!, at(14))).toBe("expires in 14 days");
    expect((await view(at(-1))).status).toBe("expired");

    // Rotation gives the new secret its own expiry (here: never).
    const r = await rotateClientSecret(owner, { clusterId: cluster.id, clientId: c.clientId, grace: "now", expiry: "never" });
    expect(r.secretExpiresAt).toBeNull();
    expect((await view(at(-1))).status).toBe("active");
  });

  it("enforces the organization's maximum on create and rotate, writing nothing when refused", async () => {
    const { owner, cluster } = await makeClusterWithOwner();
    const c = await createClient(owner, { clusterId: cluster.id, name: "before-policy", scopes: ["ZEEBE"] });
    await setMaxSecretAge(owner, { maxSecretAgeDays: 90 });
    const snap = await snapshot(owner.organizationId);
    const input = { clusterId: cluster.id, name: "new", scopes: ["ZEEBE" as const] };
    const tooLong = { code: "invalid_input", fieldErrors: { expiry: ["Your organization allows secrets of at most 90 days: choose an earlier expiry."] } };
    expect(await refusal(createClient(owner, { ...input, expiry: "never" }))).toEqual(tooLong);
    expect(await refusal(createClient(owner, { ...input, expiry: "365d" }))).toEqual(tooLong);
    const far = new Date(Date.now() + 120 * DAY_MS).toISOString().slice(0, 10);
    expect(await refusal(createClient(owner, { ...input, expiry: "date", expiresOn: far }))).toMatchObject({ fieldErrors: { expiresOn: [expect.stringContaining("at most 90 days")] } });
    const rotate = { clusterId: cluster.id, clientId: c.clientId, grace: "1h" as const };
    expect(await refusal(rotateClientSecret(owner, { ...rotate, expiry: "never" }))).toEqual(tooLong);
    expect(await snapshot(owner.organizationId)).toBe(snap);

    // Within the maximum: fine; without a choice: the maximum.
    const ok = await createClient(owner, { ...input, expiry: "30d" });
    expect(ok.secretExpiresAt!.getTime() - Date.now()).toBeLessThanOrEqual(30 * DAY_MS);
    const dflt = await rotateClientSecret(owner, rotate);
    expect(Math.round((dflt.secretExpiresAt!.getTime() - Date.now()) / DAY_MS)).toBe(90);
  });

  it("records the policy change for owners in the audit trail", async () => {
    const { owner } = await makeClusterWithOwner();
    expect(await setMaxSecretAge(owner, { maxSecretAgeDays: 30 })).toEqual({ maxSecretAgeDays: 30, changed: true });
    expect(await setMaxSecretAge(owner, { maxSecretAgeDays: 30 })).toEqual({ maxSecretAgeDays: 30, changed: false });
    expect(await setMaxSecretAge(owner, { maxSecretAgeDays: null })).toEqual({ maxSecretAgeDays: null, changed: true });
    const events = await db().auditEvent.findMany({ where: { organizationId: owner.organizationId, action: "organization.max_secret_age_changed" }, orderBy: { id: "asc" } });
    expect(events.map((e) => e.metadata)).toEqual([{ from: null, to: 30 }, { from: 30, to: null }]);
  });
});

describe("the token endpoint and an expired secret", () => {
  it("accepts the secret until its expiry and refuses it after, naming the date", async () => {
    const { owner, cluster } = await makeClusterWithOwner();
    const c = await createClient(owner, { clusterId: cluster.id, name: "worker", scopes: ["ZEEBE"], expiry: "30d" });
    const expiresAt = c.secretExpiresAt!;
    const ip = { "x-forwarded-for": testIp() };
    const token = () => postForm(server.url, { grant_type: "client_credentials", client_id: c.clientId, client_secret: c.clientSecret }, ip);

    vi.useFakeTimers({ toFake: ["Date"], now: expiresAt.getTime() - 60_000 });
    expect((await token()).status).toBe(200);
    vi.setSystemTime(expiresAt.getTime() + 1000);
    const res = await token();
    expect(res.status).toBe(401);
    const body = (await res.json()) as { error: string; error_description: string };
    expect(body.error).toBe("invalid_client");
    const when = `${expiresAt.toISOString().slice(0, 16).replace("T", " ")} UTC`;
    expect(body.error_description).toBe(`The client secret expired on ${when}.`);

    // A wrong secret for the same client is not told about any expiry.
    const wrong = await postForm(server.url, { grant_type: "client_credentials", client_id: c.clientId, client_secret: `${c.clientSecret.slice(0, -8)}AAAAAAAA` }, ip);
    expect(wrong.status).toBe(401);
    expect(JSON.stringify(await wrong.json())).not.toContain("expired");

    // Rotating issues a working secret again.
    vi.useRealTimers();
    const r = await rotateClientSecret(owner, { clusterId: cluster.id, clientId: c.clientId, grace: "now", expiry: "90d" });
    vi.useFakeTimers({ toFake: ["Date"], now: expiresAt.getTime() + 1000 });
    const again = await postForm(server.url, { grant_type: "client_credentials", client_id: c.clientId, client_secret: r.clientSecret }, ip);
    expect(again.status).toBe(200);
  });
});
