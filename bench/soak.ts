// npm run soak — token endpoint and console pages under bounded mixed load
// against TWO console instances on one database (production build, loopback
// only), restarting one of them half-way through the way a rolling deploy
// does: taken out of rotation, stopped with SIGTERM, started again, put back.
// Prints error rate, p99 latency and memory growth per instance, and exits
// non-zero past the thresholds below. SOAK_SECONDS sets the length (default 180).
import { randomBytes } from "node:crypto";
import { generateClientId, generateClientSecret, hashSecret, secretHint } from "@cluster-console/credentials/secrets";
import { readFileSync } from "node:fs";
import pg from "pg";
import { hashPassword } from "@/lib/auth/password";
import { startTestDatabase } from "@/tests/support/test-database";
import { ensureProductionBuild, signInCookie, startConsole, type RunningConsole } from "@/tests/support/console-process";
import { percentile, startTraffic, type Sample } from "./support/traffic";
import { runMain } from "./support/run-main";

const SECONDS = Number(process.env.SOAK_SECONDS ?? 180);
const PASSWORD = "soak password 123";
const THRESHOLDS = { errorRate: 0.001, tokenP99Ms: 250, pageP99Ms: 1_500, rssGrowthMb: 150 };

async function seed(databaseUrl: string) {
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const q = async (sql: string, values: unknown[] = []) => (await db.query(sql, values)).rows[0].id as string;
    const org = await q("INSERT INTO organizations (id, name) VALUES (gen_random_uuid(), 'Soak') RETURNING id");
    const user = await q("INSERT INTO users (id, email, name, password_hash) VALUES (gen_random_uuid(), 'soak@example.com', 'Soak', $1) RETURNING id", [
      await hashPassword(PASSWORD),
    ]);
    await db.query("INSERT INTO memberships (id, organization_id, user_id, role) VALUES (gen_random_uuid(), $1, $2, 'OWNER')", [org, user]);
    const cluster = await q(
      "INSERT INTO clusters (id, organization_id, name, region, created_by_email) VALUES (gen_random_uuid(), $1, 'Soak cluster', 'bru-2', 'soak@example.com') RETURNING id",
      [org],
    );
    // Eight clients with known secrets (inserted as the console stores them: SHA-256 and a hint).
    const clients: { clientId: string; secret: string }[] = [];
    for (let i = 0; i < 8; i++) {
      const clientId = generateClientId();
      const secret = generateClientSecret();
      const id = await q(
        `INSERT INTO api_clients (id, client_id, organization_id, cluster_id, name, scopes, created_by_email)
         VALUES (gen_random_uuid(), $1, $2, $3, $4, ARRAY['ZEEBE']::"ClientScope"[], 'soak@example.com') RETURNING id`,
        [clientId, org, cluster, `soak ${i}`],
      );
      await db.query("INSERT INTO client_secrets (id, api_client_id, secret_hash, hint) VALUES (gen_random_uuid(), $1, $2, $3)", [
        id,
        hashSecret(secret),
        secretHint(secret),
      ]);
      clients.push({ clientId, secret });
    }
    return { cluster, clients };
  } finally {
    await db.end();
  }
}

function rssMb(pid: number | undefined): number | undefined {
  try {
    const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
    return kb ? Number(kb) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

async function main() {
  process.env.NEXT_DIST_DIR ??= ".next-soak";
  ensureProductionBuild();
  const database = await startTestDatabase("soak");
  const env = {
    KEY_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
    RATE_LIMIT_IP_POINTS: "10000000",
    RATE_LIMIT_CLIENT_POINTS: "10000000",
    // A bounded old space, as in production containers: with V8's default
    // (a quarter of RAM) an instance lets garbage pile up for minutes (RSS
    // +236 MB in 180 s) and growth would measure GC laziness, not a leak.
    NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --max-old-space-size=${process.env.SOAK_HEAP_MB ?? 256}`.trim(),
  };
  const instances: RunningConsole[] = [];
  try {
    const { cluster, clients } = await seed(database.url);
    instances.push(...(await Promise.all([startConsole(database.url, env), startConsole(database.url, env)])));
    const cookie = await signInCookie(instances[0]!.url, "soak@example.com", PASSWORD);
    // The load balancer: round robin over the instances in rotation.
    let rotation = [...instances];
    let next = 0;
    const target = () => rotation[next++ % rotation.length]!.url;
    const pages = [`/clusters/${cluster}/api`, "/clusters", `/clusters/${cluster}`, "/docs/cache-tokens"];
    let n = 0;
    const traffic = startTraffic([
      {
        kind: "token",
        workers: 6,
        request: () => {
          const c = clients[n++ % clients.length]!;
          return {
            url: `${target()}/oauth/token`,
            init: { method: "POST", body: new URLSearchParams({ grant_type: "client_credentials", client_id: c.clientId, client_secret: c.secret }) },
          };
        },
      },
      { kind: "page", workers: 3, request: () => ({ url: `${target()}${pages[n++ % pages.length]}`, init: { headers: { cookie } } }) },
    ]);

    // RSS of every instance every 2 s; the steady instance is the one never restarted.
    const rss: { t: number; pid: number; mb: number }[] = [];
    const sampler = setInterval(() => {
      for (const i of rotation) {
        const mb = rssMb(i.process.pid);
        if (mb) rss.push({ t: Date.now(), pid: i.process.pid!, mb });
      }
    }, 2_000);
    const started = Date.now();
    const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
    const progress = setInterval(() => console.log(`  ${Math.round((Date.now() - started) / 1000)} s: ${traffic.samples.length} requests`), 30_000);

    await sleep((SECONDS * 1000) / 2);
    console.log("  restarting instance 2 (out of rotation, SIGTERM, start, back in rotation)");
    const restartAt = Date.now();
    rotation = [instances[0]!];
    await instances[1]!.stop();
    instances[1] = await startConsole(database.url, env);
    rotation = [...instances];
    const restartMs = Date.now() - restartAt;
    await sleep(Math.max(0, started + SECONDS * 1000 - Date.now()));
    clearInterval(sampler);
    clearInterval(progress);
    const samples = await traffic.stop();

    const ok = (s: Sample) => s.status === 200;
    const errors = samples.filter((s) => !ok(s));
    const errorRate = errors.length / samples.length;
    const p99 = (kind: string) => percentile(samples.filter((s) => s.kind === kind && ok(s)).map((s) => s.ms), 99);
    const p50 = (kind: string) => percentile(samples.filter((s) => s.kind === kind && ok(s)).map((s) => s.ms), 50);
    const steady = rss.filter((r) => r.pid === instances[0]!.process.pid);
    // Growth after warm-up: the steady instance's RSS at 20% of the run against its last sample.
    const warm = steady.find((r) => r.t >= started + SECONDS * 200) ?? steady[0]!;
    const last = steady.at(-1)!;
    const growth = last.mb - warm.mb;
    const peak = (pid: number | undefined) => Math.max(...rss.filter((r) => r.pid === pid).map((r) => r.mb));
    const byStatus: Record<string, number> = {};
    for (const e of errors) byStatus[`${e.kind} ${e.status}`] = (byStatus[`${e.kind} ${e.status}`] ?? 0) + 1;

    const count = (kind: string) => samples.filter((s) => s.kind === kind).length;
    console.log(`\nsoak: ${SECONDS} s, 2 instances on one database, instance 2 restarted at ${SECONDS / 2} s (${restartMs} ms)`);
    console.table({
      token: { requests: count("token"), "req/s": Math.round(count("token") / SECONDS), "p50 ms": p50("token"), "p99 ms": p99("token") },
      page: { requests: count("page"), "req/s": Math.round(count("page") / SECONDS), "p50 ms": p50("page"), "p99 ms": p99("page") },
    });
    console.log(`errors: ${errors.length} of ${samples.length} (${(errorRate * 100).toFixed(3)}%) ${JSON.stringify(byStatus)}`);
    console.log(
      `memory: instance 1 RSS ${warm.mb.toFixed(0)} MB after warm-up -> ${last.mb.toFixed(0)} MB at the end (${growth >= 0 ? "+" : ""}${growth.toFixed(0)} MB), ` +
        `peak ${peak(instances[0]!.process.pid).toFixed(0)} MB; restarted instance 2 peak ${peak(instances[1]!.process.pid).toFixed(0)} MB`,
    );
    const failures = [
      errorRate > THRESHOLDS.errorRate && `error rate ${(errorRate * 100).toFixed(3)}% > ${THRESHOLDS.errorRate * 100}%`,
      p99("token") > THRESHOLDS.tokenP99Ms && `token p99 ${p99("token")} ms > ${THRESHOLDS.tokenP99Ms} ms`,
      p99("page") > THRESHOLDS.pageP99Ms && `page p99 ${p99("page")} ms > ${THRESHOLDS.pageP99Ms} ms`,
      growth > THRESHOLDS.rssGrowthMb && `RSS growth ${growth.toFixed(0)} MB > ${THRESHOLDS.rssGrowthMb} MB`,
    ].filter(Boolean);
    console.log(failures.length ? `FAIL: ${failures.join("; ")}` : `PASS (thresholds: ${JSON.stringify(THRESHOLDS)})`);
    process.exitCode = failures.length ? 1 : 0;
  } finally {
    await Promise.all(instances.map((i) => i.stop()));
    await database.dispose();
  }
}

runMain(main);
