// Leased rate limits (limits of 1,000 points or more): an instance takes
// points from the shared store in leases and takes the next lease before the
// current one runs out. The store's count never falls behind what was served
// and runs ahead by at most two leases; past the limit, nothing more is served.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { BlockTable } from "../src/rate-limit/block-table";
import { LeasedLimiter } from "../src/rate-limit/leased-limiter";
import { createLimiterStore } from "../src/rate-limit/limiter-store";
import { ChangeListener } from "../src/store/change-listener";

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 4 });
const listener = new ChangeListener(process.env.DATABASE_URL!);
const store = createLimiterStore(pool, undefined);
afterAll(async () => {
  await listener.close();
  await pool.end();
});

function limiter(points: number) {
  const name = `lease${randomBytes(4).toString("hex")}`;
  const limit = { points, durationSeconds: 60, blockSeconds: 60 };
  return { name, limiter: new LeasedLimiter(name, store.create(name, limit), limit, new BlockTable(listener, pool)) };
}

async function counted(name: string, key: string): Promise<number> {
  const { rows } = await pool.query<{ points: number }>("SELECT points FROM oauth_rate_limits WHERE key = $1", [`oauth_rl_${name}:${key}`]);
  return rows[0]?.points ?? 0;
}

describe("leased rate limits", () => {
  it("charges the store ahead of what is served, by at most two leases, under concurrency", async () => {
    await listener.start();
    const { name, limiter: l } = limiter(1_000_000);
    expect(l.leaseSize).toBe(64);
    let served = 0;
    await Promise.all(
      Array.from({ length: 16 }, async () => {
        for (let i = 0; i < 100; i++) if ((await l.consume("client-a")).ok) served++;
      }),
    );
    expect(served).toBe(1_600);
    await new Promise((r) => setTimeout(r, 100)); // a lease taken ahead may still be committing
    const charged = await counted(name, "client-a");
    expect(charged).toBeGreaterThanOrEqual(served);
    expect(charged).toBeLessThanOrEqual(served + 2 * 64);
  });

  it("takes the next lease once half of the current one is spent, before anyone waits for it", async () => {
    await listener.start();
    const { name, limiter: l } = limiter(1_000_000);
    // The first request is charged one point; the second, soon after, takes a lease of 64.
    for (let i = 0; i < 32; i++) await l.consume("client-c");
    await new Promise((r) => setTimeout(r, 100));
    expect(await counted(name, "client-c")).toBe(65); // 33 left: no new lease yet
    await l.consume("client-c"); // 32 left: half
    await expect.poll(() => counted(name, "client-c")).toBe(129);
    // 96 points held: the next 63 requests need no store round trip.
    for (let i = 0; i < 63; i++) await l.consume("client-c");
    await new Promise((r) => setTimeout(r, 100));
    expect(await counted(name, "client-c")).toBe(129);
  });

  it("charges an occasional caller exactly one point per request", async () => {
    await listener.start();
    const { name, limiter: l } = limiter(1_000_000);
    for (let i = 0; i < 3; i++) {
      expect((await l.consume("client-d")).ok).toBe(true);
      await new Promise((r) => setTimeout(r, 1_100)); // longer than a lease lives
    }
    expect(await counted(name, "client-d")).toBe(3);
  });

  it("serves no more than the limit, then blocks", async () => {
    await listener.start();
    const { limiter: l } = limiter(2_000); // leases of 20
    const verdicts = [];
    for (let i = 0; i < 2_100; i++) verdicts.push(await l.consume("client-b"));
    const served = verdicts.filter((v) => v.ok).length;
    expect(served).toBeLessThanOrEqual(2_000);
    expect(served).toBeGreaterThanOrEqual(2_000 - 2 * 20);
    expect(verdicts.at(-1)).toMatchObject({ ok: false });
    expect(l.blocked("client-b")).toBeGreaterThan(0);
  });
});
