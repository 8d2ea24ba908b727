// Rate limits of the token endpoint: block, Retry-After, recovery; failed
// authentications under the stricter limit; and two server processes on one
// database (and, when REDIS_URL is set, one Redis) sharing the limit.
import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, describe, expect, it } from "vitest";
import { makeApiClient, postForm, spawnOAuthServer, startOAuthServer, testIp, testSettings, type TestServer } from "../support/oauth-factories";

const servers: TestServer[] = [];
afterAll(async () => {
  for (const s of servers) await s.close();
});

const form = (c: { clientId: string; secret: string }, secret = c.secret) => ({
  grant_type: "client_credentials",
  client_id: c.clientId,
  client_secret: secret,
});

describe("rate limits", () => {
  it("blocks a source address over its limit with 429 + Retry-After, then recovers", async () => {
    const server = await startOAuthServer(
      testSettings({ limits: { ...testSettings().limits, ip: { points: 3, durationSeconds: 1, blockSeconds: 2 } } }),
    );
    servers.push(server);
    const c = await makeApiClient();
    const from = { "x-forwarded-for": testIp() };
    for (let i = 0; i < 3; i++) expect((await postForm(server.url, form(c), from)).status).toBe(200);
    const blocked = await postForm(server.url, form(c), from);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get("retry-after"))).toBe(2);
    expect(blocked.headers.get("cache-control")).toBe("no-store");
    // Still blocked after the window ended: the block lasts its own time.
    await new Promise((r) => setTimeout(r, 1100));
    expect((await postForm(server.url, form(c), from)).status).toBe(429);
    // Another address is unaffected.
    expect((await postForm(server.url, form(c), { "x-forwarded-for": testIp() })).status).toBe(200);
    await new Promise((r) => setTimeout(r, 1000));
    expect((await postForm(server.url, form(c), from)).status).toBe(200);
  });

  it("counts failed authentications under a stricter limit", async () => {
    const server = await startOAuthServer(
      testSettings({ limits: { ...testSettings().limits, failed: { points: 2, durationSeconds: 60, blockSeconds: 30 } } }),
    );
    servers.push(server);
    const c = await makeApiClient();
    const from = { "x-forwarded-for": testIp() };
    expect((await postForm(server.url, form(c, "wrong"), from)).status).toBe(401);
    expect((await postForm(server.url, form(c, "wrong"), from)).status).toBe(401);
    const third = await postForm(server.url, form(c, "wrong"), from);
    expect(third.status).toBe(429);
    expect(Number(third.headers.get("retry-after"))).toBe(30);
    // The right secret from that address is turned away too while blocked.
    expect((await postForm(server.url, form(c), from)).status).toBe(429);
  });

  it("limits per client ID across addresses", async () => {
    const server = await startOAuthServer(
      testSettings({ limits: { ...testSettings().limits, client: { points: 2, durationSeconds: 60, blockSeconds: 60 } } }),
    );
    servers.push(server);
    const c = await makeApiClient();
    expect((await postForm(server.url, form(c), { "x-forwarded-for": testIp() })).status).toBe(200);
    expect((await postForm(server.url, form(c), { "x-forwarded-for": testIp() })).status).toBe(200);
    expect((await postForm(server.url, form(c), { "x-forwarded-for": testIp() })).status).toBe(429);
  });

  const stores = [["PostgreSQL", undefined]] as Array<[string, string | undefined]>;
  if (process.env.REDIS_URL) stores.push(["Redis", process.env.REDIS_URL]);
  for (const [name, redisUrl] of stores) {
    it(`shares the limit between two server processes (${name})`, async () => {
      const settings = testSettings({ redisUrl, limits: { ...testSettings().limits, client: { points: 4, durationSeconds: 60, blockSeconds: 60 } } });
      const [a, b] = await Promise.all([spawnOAuthServer(settings), spawnOAuthServer(settings)]);
      try {
        const c = await makeApiClient();
        const at = (url: string) => postForm(url, form(c), { "x-forwarded-for": testIp() });
        expect((await at(a.url)).status).toBe(200);
        expect((await at(b.url)).status).toBe(200);
        expect((await at(a.url)).status).toBe(200);
        expect((await at(b.url)).status).toBe(200);
        const over = await at(a.url);
        expect(over.status).toBe(429);
        expect(Number(over.headers.get("retry-after"))).toBeGreaterThan(50);
        // The block holds on the other instance too.
        expect((await at(b.url)).status).toBe(429);
      } finally {
        await Promise.all([a.stop(), b.stop()]);
      }
    }, 60_000);
  }
  it.runIf(process.env.REDIS_URL)("keeps its Redis keys under REDIS_KEY_PREFIX, so deployments sharing a Redis count apart", async () => {
    const redisUrl = process.env.REDIS_URL!;
    const prefix = `test-${randomBytes(4).toString("hex")}:`;
    const limits = { ...testSettings().limits, client: { points: 1, durationSeconds: 60, blockSeconds: 60 } };
    const [a, b] = await Promise.all([
      spawnOAuthServer(testSettings({ redisUrl, redisKeyPrefix: prefix, limits })),
      spawnOAuthServer(testSettings({ redisUrl, redisKeyPrefix: `${prefix}other:`, limits })),
    ]);
    const redis = new Redis(redisUrl);
    try {
      const c = await makeApiClient();
      expect((await postForm(a.url, form(c), { "x-forwarded-for": testIp() })).status).toBe(200);
      expect(Number(await redis.get(`${prefix}oauth_rl_client:${c.clientId}`))).toBe(1);
      expect(await redis.exists(`oauth_rl_client:${c.clientId}`)).toBe(0);
      // The other deployment's budget for the same client is untouched.
      expect((await postForm(b.url, form(c), { "x-forwarded-for": testIp() })).status).toBe(200);
      expect((await postForm(a.url, form(c), { "x-forwarded-for": testIp() })).status).toBe(429);
    } finally {
      redis.disconnect();
      await Promise.all([a.stop(), b.stop()]);
    }
  }, 60_000);
});
