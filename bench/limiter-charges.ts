// `npx tsx bench/limiter-charges.ts`: what a rate-limit charge costs the
// PostgreSQL store, in one run on one database, for the three ways the table
// and the pool could be set up:
//
//  - a logged table, every commit waiting for the WAL flush (PostgreSQL's default);
//  - a logged table, synchronous_commit off (the token path's pool);
//  - the unlogged table (migration 20261130010000) with synchronous_commit
//    off: what the token path uses now. No WAL is written at all.
//
// 16 callers charge one point each to keys spread over 10,000 (the "many
// occasional clients" case, where no lease can be held), through the limiter
// packages/auth-server/src/rate-limit/limiter-store.ts builds (charges that arrive together
// share one upsert). Reported: charges per second, the write-ahead log each
// charge adds (what a standby receives and an archive keeps), and the CPU each charge
// costs this process and the database server's processes (with a local
// database: embedded, or DATABASE_URL on this machine).
import { readdirSync, readFileSync } from "node:fs";
import pg from "pg";
import { BatchedRateLimiterPostgres } from "@cluster-console/auth-server/testing";
import { startTestDatabase } from "@/tests/support/test-database";
import { cpuSeconds } from "./support/process-stats";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CALLERS = 16;
const KEYS = 10_000;

interface Mode {
  name: string;
  table: string;
  synchronousCommit: boolean;
}

const MODES: Mode[] = [
  { name: "logged, synchronous commit", table: "bench_rate_limits_logged", synchronousCommit: true },
  { name: "logged, synchronous_commit off", table: "bench_rate_limits_logged", synchronousCommit: false },
  { name: "unlogged, synchronous_commit off (as used)", table: "oauth_rate_limits", synchronousCommit: false },
];

/** CPU seconds of each of the database server's processes on this machine (the postmaster, its helpers and backends). */
function postgresCpu(): Map<number, number> {
  const pids = readdirSync("/proc")
    .filter((p) => /^\d+$/.test(p))
    .map(Number)
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/comm`, "utf8").trim() === "postgres";
      } catch {
        return false;
      }
    });
  return new Map(pids.map((pid) => [pid, cpuSeconds([pid])]));
}

/** What the processes alive now used since `before`: a backend started since counts whole. */
function postgresCpuSince(before: Map<number, number>): number {
  let used = 0;
  for (const [pid, cpu] of postgresCpu()) used += cpu - (before.get(pid) ?? 0);
  return used;
}

/** Where the database's write-ahead log ends now. */
async function walPosition(admin: pg.Client): Promise<string> {
  return (await admin.query<{ lsn: string }>("SELECT pg_current_wal_lsn()::text AS lsn")).rows[0]!.lsn;
}

async function walBytesSince(admin: pg.Client, lsn: string): Promise<number> {
  const { rows } = await admin.query<{ bytes: string }>("SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), $1::pg_lsn)::text AS bytes", [lsn]);
  return Number(rows[0]!.bytes);
}

async function charges(url: string, admin: pg.Client, mode: Mode, round: number) {
  const pool = new pg.Pool({ connectionString: url, max: 10, ...(mode.synchronousCommit ? {} : { options: "-c synchronous_commit=off" }) });
  const limiter = new BatchedRateLimiterPostgres({
    storeClient: pool,
    storeType: "pool",
    tableName: mode.table,
    tableCreated: true,
    keyPrefix: `bench_${round}_${Date.now()}`,
    points: 1e9,
    duration: 60,
    clearExpiredByTimeout: false,
  });
  let n = 0;
  const end = Date.now() + SECONDS * 1000;
  const cpu = process.cpuUsage();
  const dbBefore = postgresCpu();
  const wal = await walPosition(admin);
  await Promise.all(
    Array.from({ length: CALLERS }, async (_, caller) => {
      for (let i = caller; Date.now() < end; i += CALLERS, n++) await limiter.consume(`k${i % KEYS}`, 1);
    }),
  );
  // Before the pool ends: its backends are counted while they are alive.
  const dbUsed = postgresCpuSince(dbBefore);
  const walBytes = await walBytesSince(admin, wal);
  const used = process.cpuUsage(cpu);
  await pool.end();
  return { mode: mode.name, perSecond: n / SECONDS, clientUs: (used.user + used.system) / n, databaseUs: (dbUsed * 1e6) / n, walBytes: walBytes / n };
}

async function main() {
  const database = await startTestDatabase("bench");
  const admin = new pg.Client({ connectionString: database.url });
  await admin.connect();
  try {
    await admin.query("CREATE TABLE bench_rate_limits_logged (LIKE oauth_rate_limits INCLUDING ALL)");
    const rows: Array<Awaited<ReturnType<typeof charges>>> = [];
    for (let round = 1; round <= 2; round++) for (const mode of MODES) rows.push(await charges(database.url, admin, mode, round));
    console.table(
      rows.map((r) => ({
        mode: r.mode,
        "charges/s": Math.round(r.perSecond),
        "client CPU µs/charge": Math.round(r.clientUs),
        "database CPU µs/charge": Math.round(r.databaseUs),
        "WAL bytes/charge": Math.round(r.walBytes),
      })),
    );
    const mean = (name: string, field: "perSecond" | "databaseUs" | "walBytes") => {
      const of = rows.filter((r) => r.mode === name);
      return of.reduce((s, r) => s + r[field], 0) / of.length;
    };
    const [sync, async, used] = MODES.map((m) => m.name) as [string, string, string];
    console.log(`synchronous_commit off / on (logged): ${(mean(async, "perSecond") / mean(sync, "perSecond")).toFixed(2)}x charges per second`);
    console.log(
      `unlogged / logged (both synchronous_commit off): ${(mean(used, "perSecond") / mean(async, "perSecond")).toFixed(2)}x charges per second, ` +
        `${(mean(async, "databaseUs") / mean(used, "databaseUs")).toFixed(2)}x less database CPU per charge, ` +
        `WAL per charge ${Math.round(mean(async, "walBytes"))} against ${Math.round(mean(used, "walBytes"))} bytes`,
    );
  } finally {
    await admin.end();
    await database.dispose();
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
