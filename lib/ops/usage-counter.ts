// Usage per API client per hour (tokens issued, failed authentications,
// rate-limited requests), counted in this process's memory as requests are
// answered and added to api_client_usage in ONE statement every few seconds.
// A token request only bumps a number in a Map: no write of its own, so the
// hot path keeps its speed (measured with `npm run bench:token`, see docs/benchmarks.md).
//
// Several instances each add their own counts (an upsert that sums), so the
// table holds the total. Counts are keyed by the client ID as presented; the
// flush joins api_clients, so IDs that name no client are dropped there.
// If a flush fails (database down) the counts are kept and retried.
import type pg from "pg";
import type { OAuthLog, OAuthObserver } from "@cluster-console/auth-server";

const HOUR_MS = 3_600_000;
/** Distinct (client, hour) pairs kept between flushes; beyond it new pairs are dropped (a flood of made-up IDs). */
const MAX_PENDING = 20_000;
const RETENTION = "8 days";

interface Counts {
  issued: number;
  failed: number;
  limited: number;
}

const FLUSH_SQL = `
  INSERT INTO api_client_usage (api_client_id, hour, tokens_issued, failed_auth, rate_limited)
  SELECT c.id, u.hour, u.issued, u.failed, u.limited
    FROM unnest($1::text[], $2::timestamptz[], $3::int[], $4::int[], $5::int[]) AS u(client_id, hour, issued, failed, limited)
    JOIN api_clients c ON c.client_id = u.client_id
   ORDER BY c.id, u.hour
  ON CONFLICT (api_client_id, hour) DO UPDATE SET
    tokens_issued = api_client_usage.tokens_issued + EXCLUDED.tokens_issued,
    failed_auth = api_client_usage.failed_auth + EXCLUDED.failed_auth,
    rate_limited = api_client_usage.rate_limited + EXCLUDED.rate_limited`;

export class UsageCounter {
  private pending = new Map<string, Counts>();
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> | undefined;
  private lastPrune = 0;
  private droppedSince = 0;
  /** Flushes that wrote (tests, diagnostics). */
  flushes = 0;

  constructor(
    private readonly pool: Pick<pg.Pool, "query">,
    private readonly opts: { intervalMs: number; log?: OAuthLog },
  ) {}

  readonly observer: OAuthObserver = {
    request: (e) => {
      const id = e.clientId;
      if (!id || id.length > 100) return;
      // A reused token is still a token the client asked for and got.
      if (e.outcome === "issued" || e.outcome === "reused") this.add(id, "issued");
      else if (e.outcome === "invalid_client") this.add(id, "failed");
      else if (e.outcome === "rate_limited") this.add(id, "limited");
    },
  };

  add(clientId: string, kind: keyof Counts, n = 1, at = Date.now()) {
    const key = `${Math.floor(at / HOUR_MS) * HOUR_MS}|${clientId}`;
    let c = this.pending.get(key);
    if (!c) {
      if (this.pending.size >= MAX_PENDING) {
        this.droppedSince++;
        return;
      }
      c = { issued: 0, failed: 0, limited: 0 };
      this.pending.set(key, c);
    }
    c[kind] += n;
  }

  start() {
    this.timer ??= setInterval(() => void this.flush(), this.opts.intervalMs);
    this.timer.unref();
  }

  /** Writes what was counted so far (at most one flush at a time). */
  flush(): Promise<void> {
    this.flushing ??= this.write().finally(() => {
      this.flushing = undefined;
    });
    return this.flushing;
  }

  /** Stops the timer and writes the rest (shutdown). */
  async close() {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.flushing;
    await this.flush();
  }

  private async write() {
    if (this.droppedSince) {
      this.opts.log?.warn({ dropped: this.droppedSince }, "usage counting: too many distinct client IDs since the last flush; some were not counted");
      this.droppedSince = 0;
    }
    if (this.pending.size === 0) return this.prune();
    const batch = this.pending;
    this.pending = new Map();
    const ids: string[] = [];
    const hours: Date[] = [];
    const issued: number[] = [];
    const failed: number[] = [];
    const limited: number[] = [];
    for (const [key, c] of batch) {
      const sep = key.indexOf("|");
      hours.push(new Date(Number(key.slice(0, sep))));
      ids.push(key.slice(sep + 1));
      issued.push(c.issued);
      failed.push(c.failed);
      limited.push(c.limited);
    }
    try {
      await this.pool.query(FLUSH_SQL, [ids, hours, issued, failed, limited]);
      this.flushes++;
    } catch (err) {
      // Keep the counts for the next flush (database down, or a failover).
      for (const [key, c] of batch) {
        const at = Number(key.slice(0, key.indexOf("|")));
        const id = key.slice(key.indexOf("|") + 1);
        this.add(id, "issued", c.issued, at);
        this.add(id, "failed", c.failed, at);
        this.add(id, "limited", c.limited, at);
      }
      this.opts.log?.warn({ err: (err as Error).message, pending: this.pending.size }, "usage counting: flush failed, will retry");
      return;
    }
    await this.prune();
  }

  /** About once an hour per instance: rows past the charts' 7 days go. */
  private async prune() {
    if (Date.now() - this.lastPrune < HOUR_MS) return;
    this.lastPrune = Date.now();
    await this.pool.query(`DELETE FROM api_client_usage WHERE hour < now() - interval '${RETENTION}'`).catch(() => {
      this.lastPrune = 0;
    });
  }
}
