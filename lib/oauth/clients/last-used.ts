// "Last used" on the API tab, written at most once a minute per client and
// per instance, off the request path (fire and forget). The UPDATE touches
// only last_used_at, which the change trigger ignores, so it never flushes
// caches.
import type pg from "pg";

const INTERVAL_MS = 60_000;

export class LastUsedTracker {
  private written = new Map<string, number>();

  constructor(private readonly pool: pg.Pool) {}

  touch(apiClientRowId: string, now = Date.now()) {
    const last = this.written.get(apiClientRowId);
    if (last !== undefined && now - last < INTERVAL_MS) return;
    this.written.set(apiClientRowId, now);
    if (this.written.size > 50_000) this.written.clear();
    this.pool
      .query({
        name: "oauth-touch-client",
        text: `UPDATE api_clients SET last_used_at = now()
                WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < now() - interval '50 seconds')`,
        values: [apiClientRowId],
      })
      .catch(() => this.written.delete(apiClientRowId)); // try again on the next request
  }
}
