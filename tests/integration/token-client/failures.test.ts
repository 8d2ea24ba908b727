// packages/token-client when things go wrong, against the real token
// endpoint: 429 + Retry-After honoured without hammering, a revoked client
// failing fast, a secret that never leaks, and the fetch wrapper's one retry
// on 401.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { inspect } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { InvalidClientError, RateLimitedError, TokenClient } from "../../../packages/token-client/src/index";
import { makeApiClient, spawnOAuthServer, testSettings } from "../../support/oauth-factories";
import { startCountingProxy, type CountingProxy } from "../../support/counting-proxy";
import { clientFor, tempCacheDir } from "./helpers";

type Spawned = { url: string; stop(): Promise<void> };
let server: Spawned;
let limited: Spawned;
const proxies: CountingProxy[] = [];
beforeAll(async () => {
  // One request per address per 2 s window, then blocked for 2 s.
  const tight = testSettings({ limits: { ...testSettings().limits, ip: { points: 1, durationSeconds: 2, blockSeconds: 2 } } });
  [server, limited] = await Promise.all([spawnOAuthServer(testSettings()), spawnOAuthServer(tight)]);
});
afterAll(async () => {
  for (const p of proxies) await p.close();
  await Promise.all([server?.stop(), limited?.stop()]);
});

async function proxy(to: Spawned) {
  const p = await startCountingProxy(to.url);
  proxies.push(p);
  return p;
}

function expectNoSecret(secret: string, ...things: unknown[]) {
  for (const t of things) {
    const texts = [String(t), inspect(t, { showHidden: true, depth: 10 }), JSON.stringify(t) ?? ""];
    if (t instanceof Error) texts.push(t.stack ?? "", t.message);
    for (const text of texts) expect(text).not.toContain(secret);
  }
}

describe("token client failures", () => {
  it("waits for Retry-After on 429, then succeeds, with no extra requests", async () => {
    const p = await proxy(limited);
    const c = await makeApiClient();
    await clientFor(p, c, { cacheDir: false }).getToken(); // uses the window's only request
    const started = Date.now();
    const token = await clientFor(p, c, { cacheDir: false, maxRetryWaitSeconds: 10 }).getToken();
    expect(token).toEqual(expect.any(String));
    expect(Date.now() - started).toBeGreaterThanOrEqual(1900);
    expect(p.statuses()).toEqual([200, 429, 200]);
  });

  it("gives up at once when Retry-After exceeds the maximum wait, and stays away while blocked", async () => {
    const p = await proxy(limited);
    const c = await makeApiClient();
    await clientFor(p, c, { cacheDir: false }).getToken();
    const client = clientFor(p, c, { cacheDir: false, maxRetryWaitSeconds: 1 });
    const started = Date.now();
    const err = await client.getToken().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RateLimitedError);
    expect((err as RateLimitedError).retryAfterSeconds).toBe(2);
    expect((err as Error).message).toContain(c.clientId);
    expect(Date.now() - started).toBeLessThan(1000);
    // A second call within the block does not even ask.
    await expect(client.getToken()).rejects.toBeInstanceOf(RateLimitedError);
    expect(p.statuses()).toEqual([200, 429]);
    expectNoSecret(c.secret, err, client);
  });

  it("fails fast on a revoked client, naming the client ID and never the secret", async () => {
    const p = await proxy(server);
    const c = await makeApiClient();
    await c.revoke();
    const client = clientFor(p, c, { cacheDir: await tempCacheDir() });
    const started = Date.now();
    const err = await client.getToken().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InvalidClientError);
    expect((err as InvalidClientError).code).toBe("invalid_client");
    expect((err as Error).message).toContain(`"${c.clientId}"`);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(p.statuses()).toEqual([401]);
    expectNoSecret(c.secret, err, client);
  });

  it("never shows the secret in the client object or a wrong-secret error", async () => {
    const p = await proxy(server);
    const c = await makeApiClient();
    const wrong = `${c.secret}x`;
    const client = clientFor(p, { clientId: c.clientId, secret: wrong }, { cacheDir: false });
    const err = await client.getToken().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InvalidClientError);
    expectNoSecret(wrong, err, client, { client });
    expect(Object.keys(client)).not.toContain("clientSecret");
    // Also when configured from the environment.
    const fromEnv = new TokenClient({ env: { ZEEBE_CLIENT_ID: c.clientId, ZEEBE_CLIENT_SECRET: c.secret, CAMUNDA_OAUTH_URL: p.tokenUrl }, cacheDir: false });
    expect(fromEnv.tokenUrl).toBe(p.tokenUrl);
    expectNoSecret(c.secret, fromEnv);
  });

  it("fetch() sends the bearer token and retries once with a fresh token on 401", async () => {
    const p = await proxy(server);
    const c = await makeApiClient();
    // A resource server that rejects the first token it sees (as if revoked) and accepts any other.
    const seen: string[] = [];
    let rejectAll = false;
    const api = http.createServer((req, res) => {
      const auth = req.headers.authorization ?? "";
      seen.push(auth);
      const ok = !rejectAll && auth !== seen[0];
      res.writeHead(ok ? 200 : 401, { "content-type": "application/json" }).end(JSON.stringify({ ok }));
    });
    await new Promise<void>((r) => api.listen(0, "127.0.0.1", r));
    try {
      const base = `http://127.0.0.1:${(api.address() as AddressInfo).port}`;
      const dir = await tempCacheDir();
      const client = clientFor(p, c, { cacheDir: dir });
      const res = await client.fetch(`${base}/v2/topology`, { method: "POST", body: "{}", headers: { "content-type": "application/json" } });
      expect(res.status).toBe(200);
      expect(seen).toHaveLength(2);
      expect(seen[0]).toMatch(/^Bearer \S+$/);
      expect(seen[1]).toMatch(/^Bearer \S+$/);
      expect(seen[1]).not.toBe(seen[0]);
      expect(p.tokenRequests()).toBe(2);
      // The rejected token is gone from disk too: a new process gets the new one.
      const other = clientFor(p, c, { cacheDir: dir });
      expect(await other.authHeaders()).toEqual({ Authorization: seen[1] });
      expect(p.tokenRequests()).toBe(2);
      // Only one retry: a second 401 is returned as is.
      rejectAll = true;
      seen.length = 0;
      const again = await client.fetch(`${base}/v2/topology`);
      expect(again.status).toBe(401);
      expect(seen).toHaveLength(2);
      expect(p.tokenRequests()).toBe(3);
    } finally {
      api.closeAllConnections();
      await new Promise((r) => api.close(r));
    }
  });
});
