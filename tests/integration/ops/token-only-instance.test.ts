// `npm run start:tokens` (scripts/serve.ts tokens): a token-only instance on
// the console's database. It issues tokens signed with the deployment's key,
// sees a revocation made elsewhere on the next request, answers the probes,
// refuses console paths with a 404 that says why (no Next.js in the process),
// runs as WEB_CONCURRENCY workers too, and drains on SIGTERM with exit code 0.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from "jose";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { freePort } from "@/lib/db/embedded";
import { root, type RunningConsole, startConsole } from "@/tests/support/console-process";
import { makeApiClient, NOTIFIED, TEST_KEK, testIp } from "@/tests/support/oauth-factories";

const running: RunningConsole[] = [];
afterAll(() => Promise.all(running.map((r) => r.stop())));

async function startTokenInstance(env: Record<string, string> = {}) {
  const instance = await startConsole(
    process.env.DATABASE_URL!,
    {
      // The test database's signing keys are encrypted with the tests' key.
      KEY_ENCRYPTION_KEY: TEST_KEK.toString("base64"),
      RATE_LIMIT_IP_POINTS: "1000000",
      RATE_LIMIT_CLIENT_POINTS: "1000000",
      RATE_LIMIT_FAILED_POINTS: "1000000",
      // Callers of their own (X-Forwarded-For below, counters under their own
      // prefix with REDIS_URL): other tests' instances on this database block
      // 127.0.0.1 now and then, and every instance hears of a block.
      TRUST_PROXY_HOPS: "1",
      REDIS_KEY_PREFIX: `token-only-${randomBytes(6).toString("hex")}:`,
      TOKEN_REUSE_SECONDS: "0",
      ...env,
    },
    { mode: "tokens" },
  );
  running.push(instance);
  return instance;
}

const caller = testIp();

function requestToken(url: string, clientId: string, secret: string) {
  return fetch(`${url}/oauth/token`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": caller },
    body: new URLSearchParams({ grant_type: "client_credentials", client_id: clientId, client_secret: secret }),
  });
}

describe("token-only instance", () => {
  it("issues tokens with the deployment's signing key, sees a revocation on the next request, and serves no console", async () => {
    const app = await startTokenInstance();
    expect(app.output.join("")).toMatch(/ready on \S+ \(tokens\)/);
    const client = await makeApiClient();

    const res = await requestToken(app.url, client.clientId, client.secret);
    expect(res.status).toBe(200);
    const { access_token } = (await res.json()) as { access_token: string };
    // Signed with the active key in the shared database (the one every console instance uses) ...
    const active = await db().oAuthSigningKey.findFirst({ where: { retiredAt: null }, select: { kid: true } });
    expect(decodeProtectedHeader(access_token).kid).toBe(active!.kid);
    // ... and verifiable from this instance's JWKS, issued under the deployment's public URL.
    const { payload } = await jwtVerify(access_token, createRemoteJWKSet(new URL(`${app.url}/.well-known/jwks.json`)), { issuer: app.url });
    expect(payload.sub).toBe(client.clientId);

    // Revoked elsewhere (the console writes the row): refused on the next request.
    await client.revoke();
    await expect.poll(async () => (await requestToken(app.url, client.clientId, client.secret)).status, NOTIFIED).toBe(401);

    // Probes answer; console pages do not exist here.
    expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
    expect((await fetch(`${app.url}/readyz`)).status).toBe(200);
    for (const path of ["/", "/api/auth/csrf", "/clusters"]) {
      const page = await fetch(`${app.url}${path}`, { redirect: "manual" });
      expect(page.status).toBe(404);
      expect(page.headers.get("content-type")).toBe("application/json");
      expect(((await page.json()) as { error_description: string }).error_description).toMatch(/only the authorization server/);
    }
    expect(app.output.join("")).not.toMatch(/Next\.js|next-server/i);

    await app.stop();
    expect(app.process.exitCode).toBe(0);
  }, 120_000);

  it("runs as WEB_CONCURRENCY workers, each serving tokens, and drains them all on SIGTERM", async () => {
    const app = await startTokenInstance({ WEB_CONCURRENCY: "2" });
    const deadline = Date.now() + 60_000;
    while (!/ready on \S+ \(tokens, 2 worker processes\)/.test(app.output.join(""))) {
      if (Date.now() > deadline) throw new Error(`not ready:\n${app.output.join("").slice(-3000)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    const client = await makeApiClient();
    const statuses = await Promise.all(Array.from({ length: 8 }, () => requestToken(app.url, client.clientId, client.secret).then((r) => r.status)));
    expect(statuses).toEqual(Array(8).fill(200));
    expect([...app.output.join("").matchAll(/worker \d+ \(pid \d+\) listening/g)]).toHaveLength(2);
    await app.stop();
    expect(app.process.exitCode).toBe(0);
  }, 120_000);

  it("npm run start:tokens: SIGTERM to npm (what a container runtime sends) drains the server and exits 0, leaving no process behind", async () => {
    const port = await freePort();
    const npm = spawn("npm", ["run", "start:tokens"], {
      cwd: root,
      env: {
        ...process.env,
        PORT: String(port),
        PUBLIC_URL: `http://127.0.0.1:${port}`,
        KEY_ENCRYPTION_KEY: TEST_KEK.toString("base64"),
        NEXTAUTH_SECRET: "test-secret-test-secret-test-secret-0000",
        LOG_LEVEL: "info",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    npm.stdout!.on("data", (d: Buffer) => (output += d.toString()));
    npm.stderr!.on("data", (d: Buffer) => (output += d.toString()));
    const exited = new Promise<number | null>((resolve) => npm.on("exit", (code) => resolve(code)));
    const deadline = Date.now() + 60_000;
    while (!/ready on /.test(output)) {
      if (Date.now() > deadline || npm.exitCode !== null) throw new Error(`did not start:\n${output.slice(-3000)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    const serverPid = Number(/"pid":(\d+).*ready on/.exec(output)![1]);
    expect(serverPid).not.toBe(npm.pid);
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);

    npm.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(output).toMatch(/"msg":"stopping"/);
    // The server itself is gone too: nothing keeps the port or the database.
    expect(() => process.kill(serverPid, 0)).toThrow();
  }, 120_000);
});
