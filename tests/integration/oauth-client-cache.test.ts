// The token path's in-process client cache against a real PostgreSQL: it
// keeps no more clients than its bound, evicting the least recently used,
// and eviction never serves anything stale (a revoked client is gone at once).
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { ChangeListener, ClientCache } from "@cluster-console/auth-server/testing";
import { makeApiClient } from "../support/oauth-factories";

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 2 });
const listener = new ChangeListener(process.env.DATABASE_URL!);
afterAll(async () => {
  await listener.close();
  await pool.end();
});

/** Counts the queries that reach the database. */
function countingPool() {
  let queries = 0;
  const counted = new Proxy(pool, {
    get(target, prop, receiver) {
      if (prop === "query") return (...args: Parameters<pg.Pool["query"]>) => (queries++, (target.query as (...a: unknown[]) => unknown)(...args));
      return Reflect.get(target, prop, receiver) as unknown;
    },
  });
  return { pool: counted, queries: () => queries };
}

describe("client cache", () => {
  it("holds at most its bound, keeps the recently used clients and drops a revoked one", async () => {
    await listener.start();
    const { pool: counted, queries } = countingPool();
    const cache = new ClientCache(counted, listener, 10);
    const first = await makeApiClient();
    const clients = [first];
    for (let i = 0; i < 29; i++) clients.push(await makeApiClient(["ZEEBE"], first));

    for (const c of clients) {
      expect((await cache.get(c.clientId))?.clientId).toBe(c.clientId);
      await cache.get(first.clientId); // the hot client, used all along
      expect(cache.size).toBeLessThanOrEqual(10);
    }
    expect(cache.size).toBe(10);
    const before = queries();
    await cache.get(first.clientId);
    await cache.get(clients[29]!.clientId);
    expect(queries()).toBe(before); // both held
    await cache.get(clients[0 + 1]!.clientId);
    expect(queries()).toBe(before + 1); // long evicted: read again

    await clients[29]!.revoke();
    await expect.poll(() => cache.get(clients[29]!.clientId)).toBeNull();
  });
});
