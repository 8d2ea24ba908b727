// `npx tsx bench/limiter-commit.ts`: how many rate-limit charges a second the
// PostgreSQL store takes when every commit waits for the WAL flush, against
// the token path's pool setting (synchronous_commit off), in one run on one
// database. 16 callers charge one point each to keys spread over 10,000 (the
// "many occasional clients" case, where no lease can be held), the way
// lib/oauth/rate-limit/limiter-store.ts builds the limiter.
import pg from "pg";
import { RateLimiterPostgres } from "rate-limiter-flexible";
import { startTestDatabase } from "@/tests/support/test-database";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CALLERS = 16;
const KEYS = 10_000;

async function charges(url: string, synchronous: boolean): Promise<{ perSecond: number; cpuUsPerCharge: number }> {
  const pool = new pg.Pool({ connectionString: url, max: 10, ...(synchronous ? {} : { options: "-c synchronous_commit=off" }) });
  const limiter = new RateLimiterPostgres({
    storeClient: pool,
    storeType: "pool",
    tableName: "oauth_rate_limits",
    tableCreated: true,
    keyPrefix: `bench_${synchronous ? "sync" : "async"}_${Date.now()}`,
    points: 1e9,
    duration: 60,
    clearExpiredByTimeout: false,
  });
  let n = 0;
  const end = Date.now() + SECONDS * 1000;
  const cpu = process.cpuUsage();
  await Promise.all(
    Array.from({ length: CALLERS }, async (_, caller) => {
      for (let i = caller; Date.now() < end; i += CALLERS, n++) await limiter.consume(`k${i % KEYS}`, 1);
    }),
  );
  const used = process.cpuUsage(cpu);
  await pool.end();
  return { perSecond: n / SECONDS, cpuUsPerCharge: (used.user + used.system) / n };
}

async function main() {
  const database = await startTestDatabase("bench");
  try {
    const rows: Array<{ mode: string; perSecond: number; cpuUsPerCharge: number }> = [];
    for (let round = 1; round <= 2; round++) {
      rows.push({ mode: `synchronous commit #${round}`, ...(await charges(database.url, true)) });
      rows.push({ mode: `synchronous_commit off #${round}`, ...(await charges(database.url, false)) });
    }
    console.table(rows.map((r) => ({ mode: r.mode, "charges/s": Math.round(r.perSecond), "client CPU µs/charge": Math.round(r.cpuUsPerCharge) })));
    const mean = (prefix: string) => rows.filter((r) => r.mode.startsWith(prefix)).reduce((s, r) => s + r.perSecond, 0) / 2;
    console.log(`synchronous_commit off / on: ${(mean("synchronous_commit off") / mean("synchronous commit")).toFixed(2)}x charges per second`);
  } finally {
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
