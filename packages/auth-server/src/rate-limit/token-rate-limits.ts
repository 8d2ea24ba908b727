// The rate-limit policy of the token and introspection endpoints:
//  - every request counts against its source address (default 60/min);
//  - every authenticated token request counts against its client ID (default 120/min);
//  - failed authentications count separately and more strictly, per address
//    (default 10 per 5 min, then blocked 15 min);
//  - over a limit the caller is blocked for the configured time, on every instance;
//  - a client with a limit of its own (packages/credentials/src/client-policies.ts) is
//    counted on the same counter, against its own number of points: one
//    limiter per distinct limit, all sharing the "client" counters and blocks,
//    so a changed limit neither resets nor doubles what the client has used.
//
// Failures are never counted per client ID. Client IDs are not secret (every
// console role sees them, every token carries one in `sub`) and a secret of
// 256 random bits cannot be guessed, so a per-client failure lockout would
// protect nothing and would let anyone who knows an ID switch an integration
// off. The only per-client counter is charged after successful authentication,
// which only the secret's holder can do; a wrong secret only ever blocks the
// address that sent it.
import type pg from "pg";
import type { OAuthSettings } from "../settings";
import type { ChangeListener } from "../store/change-listener";
import { addressKey } from "./address-key";
import { BlockTable } from "./block-table";
import { LeasedLimiter, type Verdict } from "./leased-limiter";
import type { LimiterStore } from "./limiter-store";

const OK: Verdict = { ok: true };
const MAX_CHECKED = 50_000;
/** Distinct per-client limits held at once; past it the least recently made is dropped (and made again when needed). */
const MAX_OWN_LIMITS = 256;

export class TokenRateLimits {
  readonly ip: LeasedLimiter;
  readonly client: LeasedLimiter;
  readonly failedIp: LeasedLimiter;
  /** Keys whose store-side failure block this process has looked up once. */
  private checked = new Set<string>();
  private readonly blocks: BlockTable;
  /** The "client" limiter for each distinct limit of clients' own. */
  private readonly ownLimits = new Map<number, LeasedLimiter>();

  constructor(
    private readonly store: LimiterStore,
    private readonly settings: OAuthSettings,
    listener: ChangeListener,
    pool: pg.Pool,
  ) {
    const blocks = new BlockTable(listener, pool);
    this.blocks = blocks;
    const { ip, client, failed } = settings.limits;
    this.ip = new LeasedLimiter("ip", store.create("ip", ip), ip, blocks);
    this.client = new LeasedLimiter("client", store.create("client", client), client, blocks);
    this.failedIp = new LeasedLimiter("failed_ip", store.create("failed_ip", failed), failed, blocks);
    // Broadcasts may have been missed while disconnected: look again.
    listener.onReset(() => this.checked.clear());
  }

  /** Blocks this instance knows of that are still running (its own and broadcast ones). */
  activeBlocks(): number {
    return this.blocks.activeCount();
  }

  /** Local knowledge only, before parsing anything. */
  blockedAddress(ip: string): Verdict {
    const key = addressKey(ip);
    const ms = Math.max(this.ip.blocked(key), this.failedIp.blocked(key));
    return ms > 0 ? { ok: false, retryAfterMs: ms } : OK;
  }

  /**
   * Before authentication: blocks on the address (and on the client ID, for
   * one over its limit of authenticated requests), then count the request
   * against the address. `clientId` is given only when it is well-formed.
   */
  async admit(ip: string, clientId: string | undefined): Promise<Verdict> {
    const key = addressKey(ip);
    const local = this.blockedAddress(ip);
    if (!local.ok) return local;
    const clientBlock = clientId === undefined ? 0 : this.client.blocked(clientId);
    if (clientBlock > 0) return { ok: false, retryAfterMs: clientBlock };
    const first = await this.checkOnce(this.failedIp, key);
    if (!first.ok) return first;
    return this.ip.consume(key);
  }

  /** `points`: the client's own limit per window, when it differs from the instance's. */
  async onAuthenticated(clientId: string, points = this.settings.limits.client.points): Promise<Verdict> {
    return this.clientLimiter(points).consume(clientId);
  }

  private clientLimiter(points: number): LeasedLimiter {
    const limit = this.settings.limits.client;
    if (points === limit.points) return this.client;
    let limiter = this.ownLimits.get(points);
    if (!limiter) {
      if (this.ownLimits.size >= MAX_OWN_LIMITS) this.ownLimits.delete(this.ownLimits.keys().next().value as number);
      const own = { ...limit, points };
      limiter = new LeasedLimiter("client", this.store.create("client", own), own, this.blocks);
      this.ownLimits.set(points, limiter);
    }
    return limiter;
  }

  async onFailedAuthentication(ip: string): Promise<Verdict> {
    return this.failedIp.penalise(addressKey(ip));
  }

  private async checkOnce(limiter: LeasedLimiter, key: string): Promise<Verdict> {
    const id = `${limiter.name}:${key}`;
    if (this.checked.has(id)) return OK;
    const v = await limiter.check(key);
    if (this.checked.size >= MAX_CHECKED) this.checked.clear();
    this.checked.add(id);
    return v;
  }
}
