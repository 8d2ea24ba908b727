// rate-limiter-flexible's PostgreSQL limiter, with the charges that arrive
// together written in one statement.
//
// The library charges a key with one upsert per call. With many occasional
// callers (10,000 clients, each asking now and then) every token request is
// such a call, and a busy instance spent a third of its main thread writing
// them to the socket one by one. Here a charge is sent at once when no
// statement to the table is running on this pool; otherwise it waits for the
// next one, which carries every charge queued meanwhile as one multi-row
// upsert. A lone request is never delayed; under load a statement carries
// several charges. The batch is shared by every limiter on the same pool and
// table, so a token request's address charge and client charge (two limiters,
// windows of their own) travel in the same statement as everyone else's.
// (Measured with 10,000 clients: one statement in flight gave the most tokens
// per second; two or four meant more, smaller statements, and each costs the
// event loop a write and a wake-up of PostgreSQL on the same cores; holding
// charges back for a few milliseconds to gather more cost more in latency.)
//
// The result of each charge is exactly what its own upsert, run in arrival
// order, would have returned, so the library's verdicts, first-in-window and
// block decisions are unchanged: a key charged twice in one statement is
// written once with the sum, and each of its callers is given the count as it
// stood after its own points. Keys are written in one sorted order, so two
// instances' statements never wait on each other's rows in opposite orders.
// Blocks (a forced expiry) and custom durations take the library's own path.
import type pg from "pg";
import { RateLimiterPostgres } from "rate-limiter-flexible";

const MAX_BATCH = 500;

interface Row {
  points: number;
  expire: string | number | null;
}
type UpsertResult = { rows: Row[] };

interface Charge {
  key: string;
  points: number;
  msDuration: number;
  resolve(result: UpsertResult): void;
  reject(err: unknown): void;
}

/** The library's own members this class builds on (not in its typings). */
interface LibraryInternals {
  _upsert(key: string, points: number, msDuration: number, forceExpire?: boolean): Promise<UpsertResult>;
  _getTableIdentifier(): string;
  msDuration: number;
  client: pg.Pool;
}
const library = RateLimiterPostgres.prototype as unknown as LibraryInternals;

/** The charges to one table through one pool: at most one statement in flight, the rest queued for the next. */
class ChargeBatch {
  private queue: Charge[] = [];
  private writing = false;

  constructor(
    private readonly pool: pg.Pool,
    private readonly table: string,
  ) {}

  charge(key: string, points: number, msDuration: number): Promise<UpsertResult> {
    return new Promise<UpsertResult>((resolve, reject) => {
      this.queue.push({ key, points, msDuration, resolve, reject });
      if (!this.writing) void this.drain();
    });
  }

  private async drain() {
    this.writing = true;
    while (this.queue.length > 0) await this.write(this.queue.splice(0, MAX_BATCH));
    this.writing = false;
  }

  private async write(batch: Charge[]): Promise<void> {
    // Points per key in this statement, keys in one fixed order. A key belongs
    // to one limiter (its prefix), so all its charges have the same window.
    const sums = new Map<string, { points: number; msDuration: number }>();
    for (const c of batch) {
      const sum = sums.get(c.key);
      if (sum) sum.points += c.points;
      else sums.set(c.key, { points: c.points, msDuration: c.msDuration });
    }
    const keys = [...sums.keys()].sort();
    const now = Date.now();
    const table = this.table;
    try {
      const { rows } = await this.pool.query<{ key: string; points: number; expire: string | null }>({
        name: `${table}:batched-upsert`,
        text: `
          INSERT INTO ${table} (key, points, expire)
          SELECT t.key, t.points, t.expire
            FROM unnest($1::varchar[], $2::integer[], $3::bigint[]) WITH ORDINALITY AS t(key, points, expire, n)
            ORDER BY t.n
          ON CONFLICT (key) DO UPDATE SET
            points = CASE WHEN ${table}.expire <= $4 THEN EXCLUDED.points ELSE ${table}.points + EXCLUDED.points END,
            expire = CASE WHEN ${table}.expire <= $4 THEN EXCLUDED.expire ELSE ${table}.expire END
          RETURNING key, points, expire`,
        values: [keys, keys.map((k) => sums.get(k)!.points), keys.map((k) => now + sums.get(k)!.msDuration), now],
      });
      const after = new Map(rows.map((r) => [r.key, r]));
      // Each charge sees the count as it stood after its own points.
      const before = new Map<string, number>();
      for (const [key, row] of after) before.set(key, row.points - sums.get(key)!.points);
      for (const c of batch) {
        const row = after.get(c.key);
        if (!row) {
          c.reject(new Error("rate-limit upsert returned no row for a key"));
          continue;
        }
        const points = before.get(c.key)! + c.points;
        before.set(c.key, points);
        c.resolve({ rows: [{ points, expire: row.expire }] });
      }
    } catch (err) {
      for (const c of batch) c.reject(err);
    }
  }
}

/** One batch per pool and table: every limiter of an instance on the same table shares it. */
const batches = new WeakMap<pg.Pool, Map<string, ChargeBatch>>();

function batchFor(pool: pg.Pool, table: string): ChargeBatch {
  let byTable = batches.get(pool);
  if (!byTable) {
    byTable = new Map();
    batches.set(pool, byTable);
  }
  let batch = byTable.get(table);
  if (!batch) {
    batch = new ChargeBatch(pool, table);
    byTable.set(table, batch);
  }
  return batch;
}

export class BatchedRateLimiterPostgres extends RateLimiterPostgres {
  _upsert(key: string, points: number, msDuration: number, forceExpire = false): Promise<UpsertResult> {
    const self = this as unknown as LibraryInternals;
    if (forceExpire || msDuration !== self.msDuration || !(msDuration > 0)) {
      return library._upsert.call(this, key, points, msDuration, forceExpire);
    }
    return batchFor(self.client, self._getTableIdentifier()).charge(key, points, msDuration);
  }
}
