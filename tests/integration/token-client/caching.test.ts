// packages/token-client against the real token endpoint: memory hit, disk hit
// across two processes (the CLI), refresh before expiry, single-flight, and a
// disk cache that trusts only its own well-formed, private files.
import { execFile, execFileSync } from "node:child_process";
import { chmod, chown, readFile, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeApiClient, spawnOAuthServer, testSettings } from "../../support/oauth-factories";
import { startCountingProxy, type CountingProxy } from "../../support/counting-proxy";
import { AUDIENCE, clientFor, tempCacheDir } from "./helpers";

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, "../../..");
const CLI = path.join(ROOT, "packages/token-client/dist/cli.js");

let server: { url: string; stop(): Promise<void> };
const proxies: CountingProxy[] = [];
beforeAll(async () => {
  // The cross-process test runs the built CLI, exactly what `npx cluster-console-token` runs.
  execFileSync(path.join(ROOT, "node_modules/.bin/tsc"), ["-p", "packages/token-client"], { cwd: ROOT, timeout: 30_000 });
  server = await spawnOAuthServer(testSettings());
});
afterAll(async () => {
  for (const p of proxies) await p.close();
  await server?.stop();
});

async function proxy() {
  const p = await startCountingProxy(server.url);
  proxies.push(p);
  return p;
}

describe("token client caching", () => {
  it("answers from memory after the first request", async () => {
    const p = await proxy();
    const c = await makeApiClient();
    const client = clientFor(p, c, { cacheDir: await tempCacheDir() });
    const first = await client.getTokenInfo();
    const second = await client.getTokenInfo();
    expect(first.source).toBe("server");
    expect(second).toMatchObject({ source: "memory", accessToken: first.accessToken });
    expect(first.expiresAt.getTime() - Date.now()).toBeGreaterThan(3500_000);
    expect(p.tokenRequests()).toBe(1);
  });

  it("shares one token between two processes through the disk cache", async () => {
    const p = await proxy();
    const c = await makeApiClient();
    const env = {
      ...process.env,
      ZEEBE_CLIENT_ID: c.clientId,
      ZEEBE_CLIENT_SECRET: c.secret,
      ZEEBE_AUTHORIZATION_SERVER_URL: p.tokenUrl,
      ZEEBE_TOKEN_AUDIENCE: AUDIENCE,
      CLUSTER_CONSOLE_TOKEN_CACHE_DIR: await tempCacheDir(),
    };
    const a = await run(process.execPath, [CLI], { env, timeout: 15_000 });
    const b = await run(process.execPath, [CLI, "--json"], { env, timeout: 15_000 });
    const token = a.stdout.trim();
    expect(token).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(JSON.parse(b.stdout)).toMatchObject({ access_token: token, token_type: "Bearer", source: "disk" });
    expect(p.tokenRequests()).toBe(1);
    // A third, in-process client reads the same file.
    const client = clientFor(p, c, { cacheDir: env.CLUSTER_CONSOLE_TOKEN_CACHE_DIR });
    expect(await client.getTokenInfo()).toMatchObject({ accessToken: token, source: "disk" });
    expect(p.tokenRequests()).toBe(1);
  });

  it("writes the cache file with mode 0600 in a 0700 folder", async () => {
    const p = await proxy();
    const c = await makeApiClient();
    const dir = await tempCacheDir();
    const client = clientFor(p, c, { cacheDir: dir });
    await client.getToken();
    expect(path.dirname(client.cacheFile!)).toBe(dir);
    expect((await stat(client.cacheFile!)).mode & 0o777).toBe(0o600);
    expect((await stat(dir)).mode & 0o777).toBe(0o700);
    const content = await readFile(client.cacheFile!, "utf8");
    expect(content).not.toContain(c.secret);
    expect(JSON.parse(content)).toMatchObject({ clientId: c.clientId, audience: AUDIENCE, tokenUrl: p.tokenUrl });
  });

  it("refreshes a margin before expiry, in memory and on disk", async () => {
    const p = await proxy();
    const c = await makeApiClient();
    let offset = 0;
    const now = () => Date.now() + offset;
    const dir = await tempCacheDir();
    const client = clientFor(p, c, { cacheDir: dir, now, refreshMarginSeconds: 60 });
    const t1 = await client.getToken();
    offset = (3600 - 61) * 1000; // just outside the margin: still good
    expect(await client.getToken()).toBe(t1);
    expect(p.tokenRequests()).toBe(1);
    offset = (3600 - 59) * 1000; // inside the margin: refresh
    const t2 = await client.getTokenInfo();
    expect(t2.source).toBe("server");
    expect(t2.accessToken).not.toBe(t1);
    expect(p.tokenRequests()).toBe(2);
    // The refreshed token replaced the old one on disk.
    const other = clientFor(p, c, { cacheDir: dir, now });
    expect(await other.getTokenInfo()).toMatchObject({ source: "disk", accessToken: t2.accessToken });
    expect(p.tokenRequests()).toBe(2);
  });

  it("sends one request for 100 concurrent callers", async () => {
    const p = await proxy();
    const c = await makeApiClient();
    const client = clientFor(p, c, { cacheDir: await tempCacheDir() });
    const tokens = await Promise.all(Array.from({ length: 100 }, () => client.getToken()));
    expect(new Set(tokens).size).toBe(1);
    expect(p.tokenRequests()).toBe(1);
  });

  it("ignores corrupt, foreign, too-open and expired cache files", async () => {
    const p = await proxy();
    const c = await makeApiClient();
    const dir = await tempCacheDir();
    const fresh = () => clientFor(p, c, { cacheDir: dir });
    const seed = fresh();
    const t1 = await seed.getToken();
    const file = seed.cacheFile!;
    const valid = JSON.parse(await readFile(file, "utf8")) as Record<string, unknown>;
    let expected = 1;

    const expectIgnored = async (label: string) => {
      const info = await fresh().getTokenInfo();
      expected++;
      expect(info.source, label).toBe("server");
      expect(p.tokenRequests(), label).toBe(expected);
      // ...and replaced by a good private file.
      expect((await stat(file)).mode & 0o777, label).toBe(0o600);
      expect(JSON.parse(await readFile(file, "utf8")), label).toMatchObject({ accessToken: info.accessToken });
    };

    await writeFile(file, "{not json", { mode: 0o600 });
    await expectIgnored("bad JSON");

    await writeFile(file, JSON.stringify({ ...valid, clientId: "someone-else" }), { mode: 0o600 });
    await expectIgnored("another client");

    await writeFile(file, JSON.stringify({ ...valid, audience: "operate.test.local" }), { mode: 0o600 });
    await expectIgnored("another audience");

    await writeFile(file, JSON.stringify({ ...valid, expiresAt: Date.now() - 1000, obtainedAt: Date.now() - 3_601_000 }), { mode: 0o600 });
    await expectIgnored("expired");

    await writeFile(file, JSON.stringify({ ...valid, accessToken: 42 }), { mode: 0o600 });
    await expectIgnored("wrong types");

    await writeFile(file, JSON.stringify(valid));
    await chmod(file, 0o644);
    await expectIgnored("readable by others");

    if (process.getuid?.() === 0) {
      // Running as root, the test can hand the file to another user.
      await writeFile(file, JSON.stringify(valid), { mode: 0o600 });
      await chown(file, 65534, 65534);
      await expectIgnored("owned by another user");
    }

    // The untouched good file is used.
    expect(await fresh().getTokenInfo()).toMatchObject({ source: "disk" });
    expect(p.tokenRequests()).toBe(expected);
    expect(t1).toEqual(expect.any(String));
  });
});
