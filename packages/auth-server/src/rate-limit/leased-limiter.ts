// A rate-limiter-flexible limiter with a thin in-process layer in front:
//
// - Blocks are remembered locally and broadcast to every instance (NOTIFY
//   oauth_rate_block), so a blocked caller is turned away without touching the
//   store, on every instance.
// - Points are taken from the shared store in leases: for ordinary limits
//   (under 1,000 points per window, e.g. the per-address default of 60/min)
//   the lease is 1, i.e. every request is counted in the store before it is
//   served. For very high limits (a client whose limit is raised, as in the
//   benchmark) an instance takes up to 1% of the limit at once and serves
//   from it, which keeps the store off the hot path; the count stays exact up
//   to that 1% and every request is still charged before it is served. Only
//   a key seen in the last second gets a lease: an occasional caller (one of
//   10,000 clients each asking now and then) is charged exactly one point.
// - Once half a lease is spent, the next one is taken in the background, so a
//   busy caller's requests do not all stop for a store round trip every
//   `leaseSize` requests (that stall capped one key at leaseSize per round
//   trip: ~6,000/s at 10 ms). The count then runs ahead by at most 2 leases.
import { createHash } from "node:crypto";
import { RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import type { LimitSettings } from "../settings";
import type { BlockTable } from "./block-table";

export type Verdict = { ok: true } | { ok: false; retryAfterMs: number };

interface Lease {
  left: number;
  expiresAt: number;
}

const MAX_LEASE_MS = 1_000;
const MAX_KEY_LENGTH = 128;

/**
 * Keys are caller-supplied (client IDs, forwarded addresses): one that could
 * not be stored as is (oauth_rate_limits.key is VARCHAR(255), PostgreSQL text
 * cannot hold NUL, a NOTIFY payload is limited) is counted under its digest.
 */
export function limiterKey(key: string): string {
  return key.length <= MAX_KEY_LENGTH && !key.includes("\0") ? key : `#${createHash("sha256").update(key).digest("base64url")}`;
}

export class LeasedLimiter {
  private leases = new Map<string, Lease>();
  private pending = new Map<string, Promise<Verdict>>();
  readonly leaseSize: number;

  constructor(
    readonly name: string,
    private readonly limiter: RateLimiterAbstract,
    private readonly limit: LimitSettings,
    private readonly blocks: BlockTable,
  ) {
    this.leaseSize = limit.points >= 1_000 ? Math.min(64, Math.floor(limit.points / 100)) : 1;
  }

  /** Local knowledge only: no I/O. */
  blocked(raw: string): number {
    const key = limiterKey(raw);
    return this.blocks.remaining(`${this.name}:${key}`);
  }

  async consume(raw: string): Promise<Verdict> {
    const key = limiterKey(raw);
    for (let attempt = 0; attempt < 4; attempt++) {
      const blockedMs = this.blocked(key);
      if (blockedMs > 0) return { ok: false, retryAfterMs: blockedMs };
      const lease = this.leases.get(key);
      const now = Date.now();
      if (lease && lease.left > 0 && lease.expiresAt > now) {
        lease.left--;
        if (lease.left <= this.leaseSize / 2 && !this.pending.has(key)) this.takeLeaseAhead(key);
        return { ok: true };
      }
      const inFlight = this.pending.get(key);
      if (!inFlight) {
        // A key seen within the last lease period gets a lease; an occasional
        // caller is charged exactly its one point (a lease it would not use
        // up before it expires would count it many times over).
        const busy = lease !== undefined && lease.expiresAt > now;
        const p = (busy ? this.takeLease(key) : this.chargeOne(key)).finally(() => this.pending.delete(key));
        this.pending.set(key, p);
        return p;
      }
      // Someone is already fetching a lease for this key: share it.
      const v = await inFlight;
      if (!v.ok) return v;
    }
    return this.takeLease(key);
  }

  /** Charge points without serving anything (failed authentications). */
  async penalise(raw: string): Promise<Verdict> {
    return this.charge(limiterKey(raw), 1);
  }

  /** Whether the shared store holds a block for the key (an instance that just started does not know yet). */
  async check(raw: string): Promise<Verdict> {
    const key = limiterKey(raw);
    const res = await this.limiter.get(key);
    if (res && res.consumedPoints > this.limit.points && res.msBeforeNext > 0) {
      this.blocks.add(`${this.name}:${key}`, res.msBeforeNext, false);
      return { ok: false, retryAfterMs: res.msBeforeNext };
    }
    return { ok: true };
  }

  private async takeLease(key: string): Promise<Verdict> {
    const v = await this.charge(key, this.leaseSize);
    // One point is the request that took the lease.
    if (v.ok && this.leaseSize > 1) this.addToLease(key, this.leaseSize - 1);
    return v;
  }

  private async chargeOne(key: string): Promise<Verdict> {
    const v = await this.charge(key, 1);
    // Remember the key as seen: its next request within the period takes a lease.
    if (v.ok && this.leaseSize > 1) this.addToLease(key, 0);
    return v;
  }

  /** The next lease while the current one still serves; requests that run out meanwhile wait for it (consume). */
  private takeLeaseAhead(key: string) {
    const p = this.charge(key, this.leaseSize)
      .then((v) => {
        if (v.ok) this.addToLease(key, this.leaseSize);
        return v;
      })
      .finally(() => this.pending.delete(key));
    this.pending.set(key, p);
    p.catch(() => {}); // a store error reaches the request that needs these points, through `pending`
  }

  private addToLease(key: string, points: number) {
    const now = Date.now();
    const lease = this.leases.get(key);
    if (lease && lease.expiresAt > now) {
      lease.left += points;
      lease.expiresAt = now + MAX_LEASE_MS;
      return;
    }
    if (this.leases.size >= 10_000) this.leases.clear();
    this.leases.set(key, { left: points, expiresAt: now + MAX_LEASE_MS });
  }

  private async charge(key: string, points: number): Promise<Verdict> {
    try {
      await this.limiter.consume(key, points);
      return { ok: true };
    } catch (err) {
      if (!(err instanceof RateLimiterRes)) throw err;
      this.leases.delete(key);
      const ms = Math.max(err.msBeforeNext, 1);
      this.blocks.add(`${this.name}:${key}`, ms, true);
      return { ok: false, retryAfterMs: ms };
    }
  }
}
