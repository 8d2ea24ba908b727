// Heap per cached client, measured exactly: run with `node --expose-gc
// --import tsx` by bench/token.ts. Loads BENCH_MEMORY_CLIENTS clients of the
// benchmark database into a real ClientCache, holds one token per client for
// reuse, and prints the heap growth per client as JSON.
import pg from "pg";
import { ChangeListener, ClientCache, ReusableTokens } from "@cluster-console/auth-server/testing";

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error("run with --expose-gc");
const url = process.env.DATABASE_URL!;
const count = Number(process.env.BENCH_MEMORY_CLIENTS ?? 10_000);
const sampleToken = process.env.BENCH_SAMPLE_TOKEN ?? "x".repeat(700);

const heap = () => {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
};

const pool = new pg.Pool({ connectionString: url, max: 4 });
const listener = new ChangeListener(url);
await listener.start();
const { rows } = await pool.query<{ client_id: string }>("SELECT client_id FROM api_clients WHERE revoked_at IS NULL LIMIT $1", [count]);
const ids = rows.map((r) => r.client_id);
const cache = new ClientCache(pool, listener);
const reusable = new ReusableTokens(300, 86_400);

const before = heap();
for (const id of ids) await cache.get(id);
const cached = heap();
const now = Date.now();
for (const id of ids) {
  const client = (await cache.get(id))!;
  // A distinct string per client, as real tokens are.
  const token = Promise.resolve(`${sampleToken.slice(0, -8)}${id.slice(0, 8)}`);
  const secret = client.secrets[0]!;
  reusable.hold(client, secret, `${secret.id} zeebe.camunda.io Zeebe`, token, "kid", Math.floor(now / 1000), Math.floor(now / 1000) + 86_400, now);
}
const withTokens = heap();
console.log(
  JSON.stringify({
    clients: ids.length,
    held: cache.size,
    clientBytes: Math.round((cached - before) / ids.length),
    clientWithTokenBytes: Math.round((withTokens - before) / ids.length),
  }),
);
await listener.close();
await pool.end();
