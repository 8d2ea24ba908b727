// The console's own rate limits (sign-in attempts, Activity exports) count in
// the authorization server's limiter store: the oauth_rate_limits table of
// the console's database, or Redis when REDIS_URL is set. So every limit of
// the product lives in one place, holds across instances, and follows the
// same REDIS_URL. One store per process, whichever bundle asks first. Plain
// Node (no server-only): the start-up scripts may load what uses it.
import pg from "pg";
import { createLimiterStore, type LimiterStore, type LimitSettings } from "@cluster-console/auth-server";
import { freshConfig } from "@/lib/config";

const KEY = Symbol.for("cluster-console.console-limiter-store");
type Holder = { [KEY]?: LimiterStore };

function store(): LimiterStore {
  const holder = globalThis as Holder;
  if (!holder[KEY]) {
    const cfg = freshConfig();
    const pool = new pg.Pool({ connectionString: cfg.DATABASE_URL, max: 2 });
    pool.on("error", () => {}); // an idle client died; the pool replaces it
    holder[KEY] = createLimiterStore(pool, cfg.REDIS_URL, { redisKeyPrefix: cfg.REDIS_KEY_PREFIX, waitForConnection: true });
  }
  return holder[KEY];
}

/** A limiter named `name` (its keys' prefix) in the shared store. */
export function consoleLimiter(name: string, limit: LimitSettings) {
  return store().create(name, limit);
}
