// Deletes the limiter rows whose window or block has ended. rate-limiter-flexible
// keeps a row after its expiry and its own cleaner only removes rows expired
// for an hour (and the console's sign-in limiters had none), so counters for
// every address and client ever seen would pile up. One sweep per instance
// and minute, for every limiter in the table; Redis expires its keys itself.
import type pg from "pg";

const INTERVAL_MS = 60_000;

export async function deleteExpiredLimiterRows(pool: pg.Pool, now = Date.now()): Promise<number> {
  const { rowCount } = await pool.query({
    name: "oauth-delete-expired-limits",
    text: "DELETE FROM oauth_rate_limits WHERE expire IS NOT NULL AND expire <= $1",
    values: [now],
  });
  return rowCount ?? 0;
}

/** Sweeps now and then every minute; returns the function that stops it. */
export function sweepExpiredLimiterRows(pool: pg.Pool): () => void {
  const sweep = () => void deleteExpiredLimiterRows(pool).catch(() => {}); // next minute, then
  sweep();
  const timer = setInterval(sweep, INTERVAL_MS);
  timer.unref();
  return () => clearInterval(timer);
}
