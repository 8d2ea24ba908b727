// The PostgreSQL rate limiter writes the charges that arrive together as one
// multi-row upsert. Each caller must still get exactly what its own upsert,
// run in arrival order, would have given it: counts, first-in-window, the
// block at the limit, a window that expired and starts again.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { RateLimiterRes } from "rate-limiter-flexible";
import { afterAll, describe, expect, it } from "vitest";
import { BatchedRateLimiterPostgres } from "../src/rate-limit/batched-postgres-limiter";

const pools: pg.Pool[] = [];
afterAll(async () => {
  await Promise.all(pools.map((p) => p.end()));
});

/** A limiter on its own pool (an instance of its own), counting the statements it sends. */
function instance(prefix: string, points: number, blockSeconds = 60) {
  const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 4 });
  pools.push(pool);
  const statements: string[] = [];
  const query = pool.query.bind(pool) as (q: unknown, v?: unknown) => Promise<unknown>;
  (pool as unknown as { query: typeof query }).query = (q, v) => {
    statements.push(typeof q === "string" ? q : (q as { text: string }).text);
    return query(q, v);
  };
  const limiter = limiterOn(pool, prefix, points, 60, blockSeconds);
  return { limiter, pool, statements, upserts: () => statements.filter((s) => s.includes("INSERT")).length };
}

function limiterOn(pool: pg.Pool, prefix: string, points: number, durationSeconds: number, blockSeconds = 60) {
  return new BatchedRateLimiterPostgres({
    storeClient: pool,
    storeType: "pool",
    tableName: "oauth_rate_limits",
    tableCreated: true,
    keyPrefix: prefix,
    points,
    duration: durationSeconds,
    blockDuration: blockSeconds,
    clearExpiredByTimeout: false,
  });
}

const prefix = () => `batch${randomBytes(4).toString("hex")}`;

async function row(key: string) {
  const pool = pools[0]!;
  const { rows } = await pool.query<{ points: number; expire: string }>("SELECT points, expire FROM oauth_rate_limits WHERE key = $1", [key]);
  return rows[0] ? { points: rows[0].points, expire: Number(rows[0].expire) } : undefined;
}

async function settle<T>(promises: Promise<T>[]) {
  const results = await Promise.allSettled(promises);
  return {
    served: results.filter((r) => r.status === "fulfilled").map((r) => (r as PromiseFulfilledResult<T>).value),
    refused: results.filter((r) => r.status === "rejected").map((r) => (r as PromiseRejectedResult).reason as unknown),
  };
}

describe("batched PostgreSQL rate limiter", () => {
  it("sends a lone charge at once, in a statement of its own", async () => {
    const p = prefix();
    const { limiter, upserts } = instance(p, 100);
    const res = await limiter.consume("alone");
    expect(res.consumedPoints).toBe(1);
    expect(res.isFirstInDuration).toBe(true);
    expect(upserts()).toBe(1);
    expect((await row(`${p}:alone`))?.points).toBe(1);
  });

  it("writes a burst over many keys in a few statements, each caller getting the count after its own points", async () => {
    const p = prefix();
    const { limiter, upserts } = instance(p, 1_000);
    // 40 keys, each charged 5 times, all at once, in interleaved order.
    const calls = Array.from({ length: 200 }, (_, i) => ({ key: `k${i % 40}`, at: limiter.consume(`k${i % 40}`) }));
    const results = await Promise.all(calls.map((c) => c.at));
    expect(upserts()).toBeLessThan(20);
    for (let k = 0; k < 40; k++) {
      const counts = calls.flatMap((c, i) => (c.key === `k${k}` ? [results[i]!] : []));
      // What five upserts of one point each give, whatever order concurrent
      // statements commit in: 1, 2, 3, 4 and 5, the one that counted 1 first in its window.
      expect(counts.map((r) => r.consumedPoints).sort()).toEqual([1, 2, 3, 4, 5]);
      expect(counts.filter((r) => r.isFirstInDuration).map((r) => r.consumedPoints)).toEqual([1]);
      expect((await row(`${p}:k${k}`))?.points).toBe(5);
    }
  });

  it("lets the limiters of one instance share statements, each key keeping its own limiter's window", async () => {
    const p = prefix();
    const { limiter: perMinute, pool, upserts } = instance(`${p}m`, 1_000);
    const perFiveMinutes = limiterOn(pool, `${p}f`, 1_000, 300);
    // A token request charges its address and then its client: two limiters, interleaved.
    const results = await Promise.all(
      Array.from({ length: 60 }, (_, i) => [perMinute.consume(`a${i % 20}`), perFiveMinutes.consume(`c${i % 30}`)]).flat(),
    );
    // The first charge goes alone; every other one, of either limiter, waits
    // for it and goes in the next statement. (Apart: two statements each.)
    expect(upserts()).toBe(2);
    expect(results.filter((r) => r.isFirstInDuration)).toHaveLength(50);
    const now = Date.now();
    for (let i = 0; i < 20; i++) {
      const stored = await row(`${p}m:a${i}`);
      expect(stored?.points).toBe(3);
      expect(stored!.expire - now).toBeGreaterThan(50_000);
      expect(stored!.expire - now).toBeLessThanOrEqual(60_000);
    }
    for (let i = 0; i < 30; i++) {
      const stored = await row(`${p}f:c${i}`);
      expect(stored?.points).toBe(2);
      expect(stored!.expire - now).toBeGreaterThan(290_000);
      expect(stored!.expire - now).toBeLessThanOrEqual(300_000);
    }
  });

  it("serves exactly the limit from one burst on one key, refuses the rest and blocks the key", async () => {
    const p = prefix();
    const { limiter } = instance(p, 5, 120);
    const { served, refused } = await settle(Array.from({ length: 12 }, () => limiter.consume("burst")));
    expect(served).toHaveLength(5);
    expect(served.map((r) => r.consumedPoints).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5]);
    expect(refused).toHaveLength(7);
    for (const r of refused) expect(r).toBeInstanceOf(RateLimiterRes);
    // The library's block: the key's window now runs for blockDuration (120 s), not the 60 s window.
    const stored = await row(`${p}:burst`);
    expect(stored!.expire - Date.now()).toBeGreaterThan(90_000);
    await expect(limiter.consume("burst")).rejects.toBeInstanceOf(RateLimiterRes);
  });

  it("starts a new window for a key whose window expired, within a burst", async () => {
    const p = prefix();
    const { limiter, pool } = instance(p, 10);
    await pool.query("INSERT INTO oauth_rate_limits (key, points, expire) VALUES ($1, 500, $2)", [`${p}:old`, Date.now() - 1_000]);
    const results = await Promise.all(Array.from({ length: 3 }, () => limiter.consume("old")));
    expect(results.map((r) => r.consumedPoints).sort()).toEqual([1, 2, 3]);
    expect(results.filter((r) => r.isFirstInDuration).map((r) => r.consumedPoints)).toEqual([1]);
    const stored = await row(`${p}:old`);
    expect(stored!.points).toBe(3);
    expect(stored!.expire).toBeGreaterThan(Date.now() + 50_000);
  });

  it("counts exactly when two instances charge the same keys at once in opposite orders (no deadlock)", async () => {
    const p = prefix();
    const a = instance(p, 100_000);
    const b = instance(p, 100_000);
    const keys = Array.from({ length: 30 }, (_, i) => `shared${i}`);
    await Promise.all(
      Array.from({ length: 10 }, (_, round) => [
        ...keys.map((k) => a.limiter.consume(k)),
        ...[...keys].reverse().map((k) => b.limiter.consume(k)),
        // and a few more, so statements overlap
        ...keys.slice(0, round).map((k) => b.limiter.consume(k)),
      ]).flat(),
    );
    for (const [i, k] of keys.entries()) {
      const extra = Math.max(0, 9 - i); // the rounds after the i-th charged key i once more
      expect((await row(`${p}:${k}`))?.points).toBe(20 + extra);
    }
  });

  it("writes all of a statement or none of it: a failing statement rejects every charge it carried", async () => {
    const p = prefix();
    const { limiter } = instance(p, 100);
    // A statement in flight, so the next charges share the next statement.
    const first = limiter.consume("warm");
    const batch = settle([limiter.consume("good1"), limiter.consume("x".repeat(300)), limiter.consume("good2")]);
    await first;
    const { served, refused } = await batch;
    expect(served).toHaveLength(0);
    expect(refused).toHaveLength(3);
    for (const r of refused) expect(r).not.toBeInstanceOf(RateLimiterRes);
    expect(await row(`${p}:good1`)).toBeUndefined();
    expect(await row(`${p}:good2`)).toBeUndefined();
    // The limiter keeps working.
    expect((await limiter.consume("good1")).consumedPoints).toBe(1);
  });

  it("keeps its counters in an unlogged table: no WAL per charge", async () => {
    const { pool } = instance(prefix(), 1);
    const { rows } = await pool.query<{ relpersistence: string }>(
      "SELECT relpersistence FROM pg_class WHERE oid = 'oauth_rate_limits'::regclass",
    );
    expect(rows[0]?.relpersistence).toBe("u");
  });
});
