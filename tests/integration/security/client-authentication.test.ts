// Client authentication at the token endpoint under the review's attacks:
// ID and secret swapped, malformed credentials, a stranger failing for a
// known client ID from many addresses; and the limiter table's upkeep.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { generateClientId, generateClientSecret } from "@cluster-console/credentials/secrets";
import { scanDatabase } from "@/tests/support/database-scan";
import { basic, makeApiClient, postForm, startOAuthServer, testIp, testSettings, type TestServer } from "@/tests/support/oauth-factories";

const servers: TestServer[] = [];
let sql: pg.Client;
beforeAll(async () => {
  sql = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await sql.connect();
});
afterAll(async () => {
  for (const s of servers) await s.close();
  await sql.end();
});

const grant = { grant_type: "client_credentials" };

describe("client authentication", () => {
  it("a client ID and secret swapped, in the post and the Basic form, leave the secret in no column of any table", async () => {
    const server = await startOAuthServer();
    servers.push(server);
    const c = await makeApiClient();
    const from = { "x-forwarded-for": testIp() };

    const post = await postForm(server.url, { ...grant, client_id: c.secret, client_secret: c.clientId }, from);
    expect(post.status).toBe(401);
    expect(await post.json()).toMatchObject({ error: "invalid_client" });
    const viaBasic = await postForm(server.url, grant, { ...from, authorization: basic(c.secret, c.clientId) });
    expect(viaBasic.status).toBe(401);
    expect(viaBasic.headers.get("www-authenticate")).toMatch(/^Basic/);

    const body = c.secret.slice(4, 47);
    const { hits, scanned } = await scanDatabase(sql, [c.secret, body, Buffer.from(c.secret).toString("base64")]);
    expect(scanned).toBeGreaterThan(10);
    expect(hits).toEqual({});
    // Nothing in the limiter table looks like a secret at all.
    const { rows } = await sql.query("SELECT key FROM oauth_rate_limits WHERE key LIKE '%ccs\\_%'");
    expect(rows).toEqual([]);
    // The correct order still works.
    expect((await postForm(server.url, { ...grant, client_id: c.clientId, client_secret: c.secret }, from)).status).toBe(200);
  });

  it("a malformed client ID or secret is refused before any lookup or per-client counter", async () => {
    const server = await startOAuthServer();
    servers.push(server);
    const c = await makeApiClient();
    const lookups = vi.spyOn(server.runtime.ctx.clients, "get");
    const typo = c.secret.slice(0, 10) + (c.secret[10] === "A" ? "B" : "A") + c.secret.slice(11); // checksum no longer matches
    const cases = [
      { client_id: c.clientId, client_secret: typo },
      { client_id: c.clientId, client_secret: "wrong" },
      { client_id: `${c.clientId}x`, client_secret: c.secret },
      { client_id: "a\u0000b", client_secret: c.secret },
      { client_id: "x".repeat(2000), client_secret: c.secret },
    ];
    for (const fields of cases) {
      const res = await postForm(server.url, { ...grant, ...fields }, { "x-forwarded-for": testIp() });
      expect(res.status).toBe(401);
    }
    expect(lookups).not.toHaveBeenCalled();
    const { rows } = await sql.query("SELECT key FROM oauth_rate_limits WHERE key LIKE 'oauth_rl_%client%'");
    expect(rows.filter((r: { key: string }) => r.key.includes(c.clientId.slice(0, 8)) || r.key.includes("xxxx"))).toEqual([]);
    // A well-formed pair is looked up.
    await postForm(server.url, { ...grant, client_id: generateClientId(), client_secret: generateClientSecret() }, { "x-forwarded-for": testIp() });
    expect(lookups).toHaveBeenCalledTimes(1);
  });

  it("wrong secrets for one client ID from 11 addresses never block the correct secret from a fresh address", async () => {
    const failed = { points: 10, durationSeconds: 300, blockSeconds: 900 };
    const server = await startOAuthServer(testSettings({ limits: { ...testSettings().limits, failed } }));
    servers.push(server);
    const c = await makeApiClient();
    const attackers = Array.from({ length: 11 }, testIp);
    for (const ip of attackers) {
      for (let i = 0; i < 10; i++) {
        const res = await postForm(server.url, { ...grant, client_id: c.clientId, client_secret: generateClientSecret() }, { "x-forwarded-for": ip });
        expect(res.status).toBe(401);
      }
    }
    // The attackers' own addresses are blocked ...
    const again = await postForm(server.url, { ...grant, client_id: c.clientId, client_secret: generateClientSecret() }, { "x-forwarded-for": attackers[0]! });
    expect(again.status).toBe(429);
    // ... the client is not.
    const real = await postForm(server.url, { ...grant, client_id: c.clientId, client_secret: c.secret }, { "x-forwarded-for": testIp() });
    expect(real.status).toBe(200);
    expect(await real.json()).toHaveProperty("access_token");
  }, 60_000);

  it("expired limiter rows are deleted", async () => {
    const past = Date.now() - 1_000;
    const future = Date.now() + 600_000;
    const key = (n: string) => `oauth_rl_ip:test-expiry-${n}-${past}`;
    await sql.query("INSERT INTO oauth_rate_limits (key, points, expire) VALUES ($1, 1, $2), ($3, 1, $4), ($5, 1, $6)", [
      key("old"), past, key("live"), future, `signin_account:test-expiry-${past}`, past,
    ]);
    const server = await startOAuthServer();
    servers.push(server);
    await expect
      .poll(async () => (await sql.query("SELECT key FROM oauth_rate_limits WHERE key LIKE '%test-expiry-%' ORDER BY key")).rows.map((r) => r.key), { timeout: 5_000 })
      .toEqual([key("live")]);
  });
});
