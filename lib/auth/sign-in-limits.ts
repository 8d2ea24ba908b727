// Brute-force protection for console sign-in, per account and per source
// address, in the limiter store the token endpoint's limits use (PostgreSQL,
// or Redis when REDIS_URL is set: lib/db/limiter-store.ts), so the limit
// holds across instances.
//
// Every attempt takes its point BEFORE the password is checked (one atomic
// upsert per counter) and gives it back only when the password was right. So
// however the requests are timed, no more than the limit of wrong passwords
// per window reach the (slow) password check: a burst of concurrent attempts
// cannot all pass a "read the counter, check, then count" gap. Giving a
// success's own point back is not a reset: a valid account cannot refill an
// address's budget for guessing others.
//
// A locked account still lets its owner in, as the token endpoint blocks only
// the addresses that failed: an attempt on a locked account from an address
// that has made no attempt on it in the last hour (the pair counter) is checked,
// on a budget of its own per account (FRESH_ADDRESS_CHECKS an hour). An
// address that has tried and failed stays locked out, so anyone who knows an
// email cannot lock its owner out from a couple of addresses; once the fresh
// budget is spent too, the account is locked for everyone until its window
// ends. Guessing budget per account: 10 per 15-minute window plus 10 an hour
// from new addresses, so about 50 wrong passwords an hour sustained, at most
// 70 in any one hour (docs/security.md, "Passwords and sessions").
//
// Addresses are counted as lib/auth/check-source.ts groups them (IPv6 by /64).
// Keys never hold what the caller typed: the account is keyed on a digest of
// the normalised email (fixed length, whatever the email's length), the
// address by its group (a digest for anything that is not an address).
import { createHash } from "node:crypto";
import { type RateLimiterAbstract, RateLimiterRes } from "rate-limiter-flexible";
import { sourceGroup } from "@/lib/auth/check-source";
import { consoleLimiter } from "@/lib/db/limiter-store";

const WINDOW_SECONDS = 15 * 60;
export const SIGN_IN_LIMITS = { account: 10, address: 50 } as const;
/** Checks a locked account still gets per hour, each from an address that had not tried it. */
export const FRESH_ADDRESS_CHECKS = 10;
const HOUR_SECONDS = 60 * 60;

type Limiters = { account: RateLimiterAbstract; address: RateLimiterAbstract; pair: RateLimiterAbstract; fresh: RateLimiterAbstract };
let limiters: Limiters | undefined;

function get(): Limiters {
  const window = { durationSeconds: WINDOW_SECONDS, blockSeconds: WINDOW_SECONDS };
  limiters ??= {
    account: consoleLimiter("signin_account", { points: SIGN_IN_LIMITS.account, ...window }),
    address: consoleLimiter("signin_address", { points: SIGN_IN_LIMITS.address, ...window }),
    // Attempts on one account from one address in the last hour, counted only to tell a new address: never blocks.
    pair: consoleLimiter("signin_pair", { points: 1_000_000, durationSeconds: HOUR_SECONDS, blockSeconds: 0 }),
    fresh: consoleLimiter("signin_fresh", { points: FRESH_ADDRESS_CHECKS, durationSeconds: HOUR_SECONDS, blockSeconds: 0 }),
  };
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
 * Throws TooManySignInAttempts when the address is used up, or the account is
 * and this address has tried it before (or the account's budget for new
 * addresses is spent too). The attempt then checks nothing, and gives back
 * what it took.
 */
export async function beginSignInAttempt(email: string, address: string | null): Promise<SignInAttempt> {
  const { account, address: byAddress, pair, fresh } = get();
  const accountId = accountKey(email);
  const source = sourceGroup(address);
  const keys: Array<[RateLimiterAbstract, string]> = [
    [account, accountId],
    [pair, `${accountId}:${source}`],
  ];
  if (address) keys.push([byAddress, source]);
  // The pair first: of a burst from one address, the attempt counted first on
  // the pair is also among the first on the account, so a burst never passes
  // for a new address on an account it locked itself.
  const [onPair] = await Promise.allSettled([pair.consume(keys[1]![1], 1)]);
  const [onAccount, ...onAddress] = await Promise.allSettled([keys[0]!, ...keys.slice(2)].map(([limiter, key]) => limiter.consume(key, 1)));
  const results = [onAccount!, onPair!, ...onAddress];
  const taken = () => keys.filter((_, i) => results[i]!.status === "fulfilled");
  const giveBack = (counters: Array<[RateLimiterAbstract, string]>) => Promise.all(counters.map(([limiter, key]) => limiter.reward(key, 1)));
  const refusals = results.flatMap((r, i) => (r.status === "rejected" ? [[i, r.reason as unknown] as const] : []));
  for (const [, reason] of refusals) if (!(reason instanceof RateLimiterRes)) throw reason; // the store failed
  const refuse = async (res: RateLimiterRes[]) => {
    // Refused before checking anything: the counters that did take a point give it back.
    await giveBack(taken());
    throw new TooManySignInAttempts(Math.ceil(Math.max(...res.map((r) => r.msBeforeNext)) / 1000));
  };
  if (refusals.some(([i]) => i !== 0)) await refuse(refusals.map(([, r]) => r as RateLimiterRes));
  const extra: Array<[RateLimiterAbstract, string]> = [];
  if (refusals.length) {
    // The account is locked. An address new to it (its first attempt on the account this hour) may still try, on the account's budget for new addresses.
    const firstFromHere = (results[1] as PromiseFulfilledResult<RateLimiterRes>).value.consumedPoints === 1;
    const lock = refusals[0]![1] as RateLimiterRes;
    if (!firstFromHere) await refuse([lock]);
    try {
      await fresh.consume(accountId, 1);
    } catch (err) {
      if (!(err instanceof RateLimiterRes)) throw err;
      await refuse([lock]);
    }
    extra.push([fresh, accountId]);
  }
  return {
    async succeeded() {
      await giveBack([...taken(), ...extra]);
    },
  };
}
