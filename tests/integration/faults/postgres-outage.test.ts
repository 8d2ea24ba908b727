// PostgreSQL stopped under load: a real console (production build, served by
// scripts/serve.ts start) on an embedded PostgreSQL this test stops and starts.
// Token requests and signed-in pages must answer 503 quickly while it is down
// (no hang, no 500, nothing internal in the body), come back by themselves,
// and creations racing the outage must leave no partial client behind.
// /readyz answers 503 naming the database while it is down and 200 after;
// /healthz stays 200 throughout.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshProductionBuild, signInCookie, startConsole, type RunningConsole } from "@/tests/support/console-process";
import { startTraffic, type Sample } from "@/bench/support/traffic";
import { startControlledPostgres, type ControlledPostgres } from "@/tests/support/controlled-postgres";
import { assertNoPartialClients, createClientsUntilStopped } from "./fault-helpers";

const DIST_DIR = ".next-faults";
const PASSWORD = "correct horse battery"; // tests/support/factories.ts
// Failed authentications too: their counters live in the test database, shared
// with the tests that fail authentications on purpose from this loopback address.
const BIG_LIMITS = {
  RATE_LIMIT_IP_POINTS: "1000000",
  RATE_LIMIT_CLIENT_POINTS: "1000000",
  RATE_LIMIT_FAILED_POINTS: "1000000",
};

let pg: ControlledPostgres;
let app: RunningConsole;
let setup: Awaited<ReturnType<typeof seed>>;
let cookie: string;

async function seed() {
  // The test process's own Prisma client must point at the database this test controls.
  process.env.DATABASE_URL = pg.url;
  const { makeClusterWithOwner } = await import("@/tests/integration/api-clients/helpers");
  const { createClient } = await import("@/lib/api-clients/create-client");
  const { owner, cluster } = await makeClusterWithOwner();
  const client = await createClient(owner, { clusterId: cluster.id, name: "outage", scopes: ["ZEEBE"] });
  return { owner, cluster, client };
}

beforeAll(async () => {
  [pg] = await Promise.all([startControlledPostgres(), freshProductionBuild(DIST_DIR)]);
  setup = await seed();
  app = await startConsole(pg.url, { NEXT_DIST_DIR: DIST_DIR, ...BIG_LIMITS });
  cookie = await signInCookie(app.url, setup.owner.email, PASSWORD);
}, 600_000);

afterAll(async () => {
  await app?.stop();
  const { db } = await import("@/lib/db/client");
  await db().$disconnect();
  await pg?.dispose();
});

const token = () => ({
  url: `${app.url}/oauth/token`,
  init: {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ grant_type: "client_credentials", client_id: setup.client.clientId, client_secret: setup.client.clientSecret }).toString(),
  },
});
const page = () => ({ url: `${app.url}/clusters/${setup.cluster.id}/api`, init: { headers: { cookie } } });

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** At least `ms`, then until `enough()` (at most 60 s more). */
async function phase(ms: number, enough: () => boolean) {
  await sleep(ms);
  const deadline = Date.now() + 60_000;
  while (!enough() && Date.now() < deadline) await sleep(100);
}

/** Nothing a caller should see: stack frames, driver errors, connection details. */
function assertNothingInternal(s: Sample) {
  for (const leak of [/\n\s+at [\w.<]+ \(/, /ECONNREFUSED|ECONNRESET|57P01|prisma|node_modules|postgres(ql)?:\/\//i, new RegExp(`:${pg.port}\\b`)]) {
    expect(s.body, `${s.kind} ${s.status} body`).not.toMatch(leak);
  }
  expect(s.body).not.toContain(setup.client.clientSecret);
}

describe("PostgreSQL stopped under load", () => {
  it("answers 503 fast while it is down, recovers by itself, and leaves no partial client", async () => {
    const traffic = startTraffic([
      { kind: "token", workers: 4, request: token },
      { kind: "page", workers: 2, request: page },
    ]);
    const creations = createClientsUntilStopped(setup.owner, setup.cluster.id, 3);
    // Each phase lasts its time, and on a busy machine longer, until it has the samples it is judged on.
    const answered = (kind: string, since: number) => traffic.samples.filter((x) => x.kind === kind && x.startedAt >= since).length;
    await phase(2_000, () => traffic.samples.length > 60);

    const stopAt = Date.now();
    await pg.stop();
    const downAt = Date.now();
    await sleep(2_000);
    // Readiness says so, liveness does not: a load balancer stops sending, nothing restarts the process.
    const readyDown = await fetch(`${app.url}/readyz`);
    expect(readyDown.status).toBe(503);
    const readyBody = (await readyDown.json()) as { status: string; not_ready: string[]; checks: Record<string, string> };
    expect(readyBody.status).toBe("not_ready");
    expect(readyBody.not_ready).toContain("database");
    expect(readyBody.checks.signing_key).toBe("ok");
    expect(JSON.stringify(readyBody)).not.toMatch(new RegExp(`ECONNREFUSED|:${pg.port}\\b|postgres(ql)?://`));
    expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
    await phase(2_000, () => answered("token", downAt) > 25 && answered("page", downAt) > 12);

    // PostgreSQL accepts connections before start() resolves: the outage ends when it is called.
    const restartAt = Date.now();
    await pg.start();
    const upAt = Date.now();
    // Recovery without restarting the console: both kinds answer 200 again.
    let recoveredAt = 0;
    while (!recoveredAt && Date.now() - upAt < 20_000) {
      const [t, p] = await Promise.all([fetch(token().url, token().init), fetch(page().url, page().init)]);
      if (t.status === 200 && p.status === 200) recoveredAt = Date.now();
      else await sleep(100);
    }
    expect(recoveredAt, "recovered within 20 s of PostgreSQL's return").toBeGreaterThan(0);
    let readyAgain = 0;
    while (!readyAgain && Date.now() - upAt < 20_000) {
      if ((await fetch(`${app.url}/readyz`)).status === 200) readyAgain = Date.now();
      else await sleep(200);
    }
    expect(readyAgain, "/readyz back to 200 within 20 s").toBeGreaterThan(0);
    expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
    await sleep(2_000);
    const samples = await traffic.stop();
    const created = await creations.stop();

    const before = samples.filter((s) => s.startedAt + s.ms < stopAt);
    const outage = samples.filter((s) => s.startedAt >= downAt && s.startedAt + s.ms < restartAt);
    const after = samples.filter((s) => s.startedAt >= recoveredAt);
    const summary = (xs: Sample[]) => {
      const by: Record<string, number> = {};
      for (const s of xs) by[`${s.kind} ${s.status}`] = (by[`${s.kind} ${s.status}`] ?? 0) + 1;
      return { n: xs.length, maxMs: Math.max(0, ...xs.map((s) => s.ms)), by };
    };
    console.log(
      `[faults] PostgreSQL outage: before ${JSON.stringify(summary(before))}; outage ${JSON.stringify(summary(outage))}; ` +
        `after ${JSON.stringify(summary(after))}; recovered ${recoveredAt - upAt} ms after restart; ` +
        `creations ${created.committed.length} committed, ${created.failed} failed`,
    );

    expect(before.length).toBeGreaterThan(50);
    expect(before.filter((s) => s.status !== 200)).toEqual([]);
    // While it is down: every answer a 503, none slower than 3 s, nothing internal.
    expect(outage.filter((s) => s.kind === "token").length).toBeGreaterThan(20);
    expect(outage.filter((s) => s.kind === "page").length).toBeGreaterThan(10);
    for (const s of outage) {
      expect(s.status, `${s.kind} during the outage`).toBe(503);
      expect(s.ms).toBeLessThan(3_000);
    }
    // Racing the stop itself: a request may finish either way, but never as a 500 or a hang.
    for (const s of samples) {
      expect([200, 503], `${s.kind} at ${s.startedAt - stopAt} ms`).toContain(s.status);
      if (s.status === 503) assertNothingInternal(s);
    }
    const tokenBody = outage.find((s) => s.kind === "token")!.body;
    expect(JSON.parse(tokenBody)).toEqual({ error: "temporarily_unavailable", error_description: expect.any(String) });
    expect(outage.find((s) => s.kind === "page")!.body).toContain("Temporarily unavailable");
    expect(after.length).toBeGreaterThan(50);
    expect(after.filter((s) => s.status !== 200)).toEqual([]);

    expect(created.failed).toBeGreaterThan(0);
    await assertNoPartialClients(setup.cluster.id, created.committed);
  }, 60_000);
});
