// Token reuse (TOKEN_REUSE_SECONDS): a repeat request with the same secret for the same audience
// and scopes gets the token it was just given, with its remaining lifetime,
// and never after the window, a revocation, a rotation, a secret's expiry or
// a scope change -- on this process and on another one. The clock is the
// runtime's, moved forward by the test instead of sleeping.
import { randomUUID } from "node:crypto";
import { createRemoteJWKSet, jwtVerify } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { makeApiClient, NOTIFIED, postForm, spawnOAuthServer, startOAuthServer, testIp, testSettings, type TestServer } from "../support/oauth-factories";

/** Another process learns of a change by NOTIFY, within milliseconds (its cache's backstop is 5 minutes). */
const WINDOW = 300;
let server: TestServer;
let clock = Date.now();
beforeAll(async () => {
  server = await startOAuthServer(testSettings({ tokenReuseSeconds: WINDOW }));
  server.runtime.ctx.now = () => clock;
});
afterAll(() => server.close());

type Body = { access_token: string; expires_in: number; scope: string };
type Client = Awaited<ReturnType<typeof makeApiClient>>;
const form = (c: Client, extra: Record<string, string> = {}, secret = c.secret) => ({
  grant_type: "client_credentials",
  client_id: c.clientId,
  client_secret: secret,
  ...extra,
});
const ip = () => ({ "x-forwarded-for": testIp() });

async function token(url: string, fields: Record<string, string>): Promise<Body> {
  const res = await postForm(url, fields, ip());
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as Body;
}

/** Asks again (within NOTIFIED's time) until the answer is the one expected: the process learns of a change by NOTIFY. */
async function until<T>(ask: () => Promise<T>, ok: (answer: T) => boolean): Promise<T> {
  const deadline = performance.now() + NOTIFIED.timeout;
  for (;;) {
    const answer = await ask();
    if (ok(answer) || performance.now() > deadline) return answer;
    await new Promise((r) => setTimeout(r, NOTIFIED.interval));
  }
}

/**
 * Resolves once this process has handled every change notification sent so
 * far: NOTIFYs arrive in commit order on its one LISTEN connection, so a
 * marker sent now arrives after them (the client cache drops nothing for it).
 */
async function changesSeen(target: TestServer = server): Promise<void> {
  const marker = `test-marker-${randomUUID()}`;
  const { listener } = target.runtime.ctx.clients as unknown as { listener: { on(channel: string, handler: (payload: string) => void): void } };
  const seen = new Promise<void>((resolve) => listener.on("oauth_client_changed", (payload) => payload === marker && resolve()));
  await db().$executeRaw`SELECT pg_notify('oauth_client_changed', ${marker})`;
  await seen;
}

describe("token reuse", () => {
  it("returns the same token with its remaining lifetime within the window, and a new one after it", async () => {
    const c = await makeApiClient();
    await changesSeen(); // the client's own creation is a NOTIFY too: a late one would drop the held token
    const { stats } = server.runtime.ctx;
    const issued = stats.tokensIssued;
    const reused = stats.tokensReused;
    const first = await token(server.url, form(c));
    expect(first.expires_in).toBe(3600);

    clock += 100_000;
    const again = await token(server.url, form(c));
    expect(again).toEqual({ ...first, expires_in: 3500 });
    clock += (WINDOW - 100) * 1000 - 1_000; // 1 s before the window closes
    expect((await token(server.url, form(c))).access_token).toBe(first.access_token);
    expect([stats.tokensIssued - issued, stats.tokensReused - reused]).toEqual([1, 2]);

    clock += 1_000; // the window is over
    const next = await token(server.url, form(c));
    expect(next.access_token).not.toBe(first.access_token);
    expect(next.expires_in).toBe(3600);
    const jwks = createRemoteJWKSet(new URL(`${server.url}/.well-known/jwks.json`));
    const a = (await jwtVerify(first.access_token, jwks, { currentDate: new Date(clock) })).payload;
    const b = (await jwtVerify(next.access_token, jwks, { currentDate: new Date(clock) })).payload;
    expect(b.iat! - a.iat!).toBe(WINDOW);
    expect([stats.tokensIssued - issued, stats.tokensReused - reused]).toEqual([2, 2]);
  });

  it("still authenticates and rate-limits every request that would get a reused token", async () => {
    const limited = await startOAuthServer(
      testSettings({ tokenReuseSeconds: WINDOW, limits: { ...testSettings().limits, client: { points: 3, durationSeconds: 60, blockSeconds: 60 } } }),
    );
    try {
      const c = await makeApiClient();
      await changesSeen(limited);
      const first = await token(limited.url, form(c));
      expect((await postForm(limited.url, form(c, {}, `${c.secret.slice(0, -1)}x`), ip())).status).toBe(401);
      expect((await token(limited.url, form(c))).access_token).toBe(first.access_token);
      expect((await token(limited.url, form(c))).access_token).toBe(first.access_token);
      const over = await postForm(limited.url, form(c), ip());
      expect(over.status).toBe(429);
      expect(await over.text()).not.toContain(first.access_token);
    } finally {
      await limited.close();
    }
  });

  it("never shares a token between audiences or scope sets", async () => {
    const c = await makeApiClient(["ZEEBE", "TASKLIST"]);
    await changesSeen();
    const zeebe = await token(server.url, form(c, { audience: "zeebe.test.local" }));
    const tasklist = await token(server.url, form(c, { audience: "tasklist.test.local" }));
    const zeebeOnly = await token(server.url, form(c, { audience: "zeebe.test.local", scope: "Zeebe" }));
    expect(new Set([zeebe.access_token, tasklist.access_token, zeebeOnly.access_token]).size).toBe(3);
    // Each is reused for its own request; an audience alias is the same audience.
    expect((await token(server.url, form(c, { audience: "tasklist.camunda.io" }))).access_token).toBe(tasklist.access_token);
    expect((await token(server.url, form(c, { audience: "zeebe.camunda.io", scope: "zeebe" }))).access_token).toBe(zeebeOnly.access_token);
    expect((await token(server.url, form(c))).access_token).toBe(zeebe.access_token);
    const jwks = createRemoteJWKSet(new URL(`${server.url}/.well-known/jwks.json`));
    const aud = async (t: Body) => (await jwtVerify(t.access_token, jwks, { currentDate: new Date(clock) })).payload.aud;
    expect([await aud(zeebe), await aud(tasklist)]).toEqual(["zeebe.test.local", "tasklist.test.local"]);
    // Another client of the same cluster never gets this client's token.
    const sibling = await makeApiClient(["ZEEBE", "TASKLIST"], c);
    expect((await token(server.url, form(sibling))).access_token).not.toBe(zeebe.access_token);
  });

  it("shares one signature between concurrent first requests", async () => {
    const c = await makeApiClient();
    await changesSeen();
    const issued = server.runtime.ctx.stats.tokensIssued;
    const all = await Promise.all(Array.from({ length: 8 }, () => token(server.url, form(c))));
    expect(new Set(all.map((b) => b.access_token)).size).toBe(1);
    expect(server.runtime.ctx.stats.tokensIssued - issued).toBe(1);
  });

  it("gives a new token after a rotation, a secret's expiry, a scope change; none after revocation", async () => {
    const c = await makeApiClient(["ZEEBE", "TASKLIST"]);
    await changesSeen(); // the client's own creation is a NOTIFY too
    const first = await token(server.url, form(c));
    expect((await token(server.url, form(c))).access_token).toBe(first.access_token);

    // Rotation with a grace period: the old secret still works, but its token is not handed out again,
    // and the new secret's caller gets a token of its own (a token names its secret: 22.5).
    const fresh = await c.addSecret();
    // The new secret is a NOTIFY: once it has been handled, the old secret's held token is gone.
    await changesSeen();
    const afterRotation = await token(server.url, form(c));
    expect(afterRotation.access_token).not.toBe(first.access_token);
    const freshFirst = await token(server.url, form(c, {}, fresh.secret));
    expect(freshFirst.access_token).not.toBe(afterRotation.access_token);
    expect((await token(server.url, form(c, {}, fresh.secret))).access_token).toBe(freshFirst.access_token);
    expect((await token(server.url, form(c))).access_token).toBe(afterRotation.access_token);

    // The grace period ends (no notification for time passing): the old secret's token is not reused
    // past it; the new secret's token is, since the secret it names still works.
    const expiresAt = clock + 60_000;
    await db().clientSecret.update({ where: { id: c.secretRowId }, data: { expiresAt: new Date(expiresAt) } });
    // The server learns of the change by NOTIFY, a moment later: the fresh secret's held token is dropped then.
    const beforeExpiry = await until(() => token(server.url, form(c, {}, fresh.secret)), (b) => b.access_token !== freshFirst.access_token);
    expect(beforeExpiry.access_token).not.toBe(freshFirst.access_token);
    const oldBeforeExpiry = await token(server.url, form(c));
    expect(oldBeforeExpiry.access_token).not.toBe(beforeExpiry.access_token);
    clock = expiresAt;
    expect((await token(server.url, form(c))).access_token).not.toBe(oldBeforeExpiry.access_token);
    const afterExpiry = await token(server.url, form(c, {}, fresh.secret));
    expect(afterExpiry.access_token).toBe(beforeExpiry.access_token);

    await db().apiClient.update({ where: { id: c.id }, data: { scopes: ["ZEEBE"] } });
    const narrowed = await until(() => token(server.url, form(c, {}, fresh.secret)), (b) => b.scope === "Zeebe");
    expect(narrowed.scope).toBe("Zeebe");
    expect(narrowed.access_token).not.toBe(afterExpiry.access_token);

    await c.revoke();
    const revoked = await until(() => postForm(server.url, form(c, {}, fresh.secret), ip()), (r) => r.status === 401);
    expect(revoked.status).toBe(401);
    expect(await revoked.text()).not.toContain(narrowed.access_token);
  });

  it("drops the held token on another process on the next request", async () => {
    const other = await spawnOAuthServer(testSettings({ tokenReuseSeconds: WINDOW }));
    try {
      const c = await makeApiClient(["ZEEBE", "TASKLIST"]);
      // The client's creation reaches that process by NOTIFY too, and a late one drops a
      // token issued before it: wait until two requests in a row share one.
      let held: Body | undefined;
      await expect
        .poll(async () => {
          held = await token(other.url, form(c));
          return (await token(other.url, form(c))).access_token === held.access_token;
        }, NOTIFIED)
        .toBe(true);

      const fresh = await c.addSecret();
      await db().clientSecret.update({ where: { id: c.secretRowId }, data: { revokedAt: new Date() } });
      const rotated = await token(other.url, form(c, {}, fresh.secret));
      expect(rotated.access_token).not.toBe(held!.access_token);
      await expect.poll(async () => (await postForm(other.url, form(c), ip())).status, NOTIFIED).toBe(401);
      // The new secret's token is held for the next request. (A rotation's late
      // notification may drop a token issued just before it arrived: safe, so
      // wait until two requests in a row share one.)
      await expect
        .poll(async () => {
          const first = await token(other.url, form(c, {}, fresh.secret));
          return (await token(other.url, form(c, {}, fresh.secret))).access_token === first.access_token;
        }, NOTIFIED)
        .toBe(true);

      await db().apiClient.update({ where: { id: c.id }, data: { scopes: ["TASKLIST"] } });
      await expect.poll(async () => (await token(other.url, form(c, {}, fresh.secret))).scope, NOTIFIED).toBe("Tasklist");

      await c.revoke();
      await expect.poll(async () => (await postForm(other.url, form(c, {}, fresh.secret), ip())).status, NOTIFIED).toBe(401);
    } finally {
      await other.stop();
    }
  });

  it("signs a new token for every request with TOKEN_REUSE_SECONDS=0", async () => {
    const off = await startOAuthServer(testSettings({ tokenReuseSeconds: 0 }));
    try {
      const c = await makeApiClient();
      const sequential = [await token(off.url, form(c)), await token(off.url, form(c)), await token(off.url, form(c))];
      const concurrent = await Promise.all(Array.from({ length: 6 }, () => token(off.url, form(c))));
      expect(new Set([...sequential, ...concurrent].map((b) => b.access_token)).size).toBe(9);
      expect(off.runtime.ctx.stats).toMatchObject({ tokensIssued: 9, tokensReused: 0 });
    } finally {
      await off.close();
    }
  });
});
