// Brute-force protection for console sign-in, per account and per source
// address, in the shared PostgreSQL table the token endpoint's limits use, so
// the limit holds across instances.
//
// Every attempt takes its point BEFORE the password is checked (one atomic
// upsert per counter) and gives it back only when the password was right. So
// however the requests are timed, no more than the limit of wrong passwords
// per window reach the (slow) password check: a burst of concurrent attempts
// cannot all pass a "read the counter, check, then count" gap. Giving a
// success's own point back is not a reset: a valid account cannot refill an
// address's budget for guessing others.
//
// Keys never hold what the caller typed: the account is keyed on a digest of
// the normalised email (fixed length, whatever the email's length), the
// address as lib/oauth/rate-limit/address-key.ts says.
import { createHash } from "node:crypto";
import pg from "pg";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { freshConfig } from "@/lib/config";
import { addressKey } from "@/lib/oauth/rate-limit/address-key";

const WINDOW_SECONDS = 15 * 60;
export const SIGN_IN_LIMITS = { account: 10, address: 50 } as const;

type Limiters = { account: RateLimiterPostgres; address: RateLimiterPostgres };
let limiters: Limiters | undefined;

function get(): Limiters {
  if (!limiters) {
    const pool = new pg.Pool({ connectionString: freshConfig().DATABASE_URL, max: 2 });
    pool.on("error", () => {});
    const common = {
      storeClient: pool,
      storeType: "pool" as const,
      tableName: "oauth_rate_limits",
      tableCreated: true,
      duration: WINDOW_SECONDS,
      blockDuration: WINDOW_SECONDS,
      // Expired rows are deleted by the limiter-row sweeper (lib/oauth/rate-limit/expired-rows.ts).
      clearExpiredByTimeout: false,
    };
    limiters = {
      account: new RateLimiterPostgres({ ...common, keyPrefix: "signin_account", points: SIGN_IN_LIMITS.account }),
      address: new RateLimiterPostgres({ ...common, keyPrefix: "signin_address", points: SIGN_IN_LIMITS.address }),
    };
  }
  return limiters;
}

export class TooManySignInAttempts extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super("TooManyAttempts");
  }
}

/** The account's counter key: a digest, so no email length or content reaches the table. */
export function accountKey(email: string): string {
  return createHash("sha256").update(email.trim().toLowerCase(), "utf8").digest("base64url");
}


export interface SignInAttempt {
  /** The password was right: give the points back. */
  succeeded(): Promise<void>;
}

/**
 * Takes one point from the account and the address before any password check.
 * Throws TooManySignInAttempts when either is used up (the attempt then
 * checks nothing, and gives back what it took).
 */
export async function beginSignInAttempt(email: string, address: string | null): Promise<SignInAttempt> {
  const { account, address: byAddress } = get();
  const keys: Array<[RateLimiterPostgres, string]> = [[account, accountKey(email)]];
  if (address) keys.push([byAddress, addressKey(address)]);
  const results = await Promise.allSettled(keys.map(([limiter, key]) => limiter.consume(key, 1)));
  const refused = results.flatMap((r) => (r.status === "rejected" ? [r.reason as unknown] : []));
  if (refused.length) {
    for (const reason of refused) if (!(reason instanceof RateLimiterRes)) throw reason; // the store failed
    // Refused before checking anything: the counters that did take a point give it back.
    await Promise.all(keys.map(([limiter, key], i) => (results[i]!.status === "fulfilled" ? limiter.reward(key, 1) : null)));
    const ms = Math.max(...(refused as RateLimiterRes[]).map((r) => r.msBeforeNext));
    throw new TooManySignInAttempts(Math.ceil(ms / 1000));
  }
  return {
    async succeeded() {
      await Promise.all(keys.map(([limiter, key]) => limiter.reward(key, 1)));
    },
  };
}
