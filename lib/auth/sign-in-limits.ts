// Brute-force protection for console sign-in: failed attempts are counted per
// account and per source address in the shared PostgreSQL table the token
// endpoint's limits use, so the limit holds across instances. A success does
// not reset the per-address count (no "valid account refills the bucket").
import pg from "pg";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";

const WINDOW_SECONDS = 15 * 60;

let limiters: { account: RateLimiterPostgres; address: RateLimiterPostgres } | undefined;

function get() {
  if (!limiters) {
    const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 2 });
    pool.on("error", () => {});
    const common = {
      storeClient: pool,
      storeType: "pool" as const,
      tableName: "oauth_rate_limits",
      tableCreated: true,
      duration: WINDOW_SECONDS,
      blockDuration: WINDOW_SECONDS,
      clearExpiredByTimeout: false,
    };
    limiters = {
      account: new RateLimiterPostgres({ ...common, keyPrefix: "signin_account", points: 10 }),
      address: new RateLimiterPostgres({ ...common, keyPrefix: "signin_address", points: 50 }),
    };
  }
  return limiters;
}

export class TooManySignInAttempts extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super("TooManyAttempts");
  }
}

/** Throws TooManySignInAttempts while the account or the address is blocked. */
export async function assertSignInAllowed(email: string, address: string | null): Promise<void> {
  const { account, address: byAddress } = get();
  const [a, b] = await Promise.all([account.get(email), address ? byAddress.get(address) : null]);
  const blocked = [a, b].filter((r): r is RateLimiterRes => !!r && r.remainingPoints <= 0);
  if (blocked.length) throw new TooManySignInAttempts(Math.ceil(Math.max(...blocked.map((r) => r.msBeforeNext)) / 1000));
}

export async function recordFailedSignIn(email: string, address: string | null): Promise<void> {
  const { account, address: byAddress } = get();
  await Promise.all([
    account.penalty(email, 1),
    address ? byAddress.penalty(address, 1) : Promise.resolve(),
  ]);
}
