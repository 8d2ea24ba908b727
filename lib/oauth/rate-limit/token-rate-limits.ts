// The rate-limit policy of the token and introspection endpoints:
//  - every request counts against its source address (default 60/min);
//  - every authenticated token request counts against its client ID (default 120/min);
//  - failed authentications count separately and more strictly, per address
//    (default 10 per 5 min, then blocked 15 min) and per client ID (10x that,
//    so a stranger cannot easily lock a client out by guessing);
//  - over a limit the caller is blocked for the configured time, on every instance.
import type pg from "pg";
import type { OAuthSettings } from "../settings";
import type { ChangeListener } from "../store/change-listener";
import { BlockTable } from "./block-table";
import { LeasedLimiter, type Verdict } from "./leased-limiter";
import type { LimiterStore } from "./limiter-store";

const OK: Verdict = { ok: true };
const MAX_CHECKED = 50_000;

export class TokenRateLimits {
  readonly ip: LeasedLimiter;
  readonly client: LeasedLimiter;
  readonly failedIp: LeasedLimiter;
  readonly failedClient: LeasedLimiter;
  /** Keys whose store-side failure block this process has looked up once. */
  private checked = new Set<string>();

  constructor(store: LimiterStore, settings: OAuthSettings, listener: ChangeListener, pool: pg.Pool) {
    const blocks = new BlockTable(listener, pool);
    const { ip, client, failed } = settings.limits;
    this.ip = new LeasedLimiter("ip", store.create("ip", ip), ip, blocks);
    this.client = new LeasedLimiter("client", store.create("client", client), client, blocks);
    this.failedIp = new LeasedLimiter("failed_ip", store.create("failed_ip", failed), failed, blocks);
    const failedPerClient = { ...failed, points: failed.points * 10 };
    this.failedClient = new LeasedLimiter("failed_client", store.create("failed_client", failedPerClient), failedPerClient, blocks);
    // Broadcasts may have been missed while disconnected: look again.
    listener.onReset(() => this.checked.clear());
  }

  /** Local knowledge only, before parsing anything. */
  blockedAddress(ip: string): Verdict {
    const ms = Math.max(this.ip.blocked(ip), this.failedIp.blocked(ip));
    return ms > 0 ? { ok: false, retryAfterMs: ms } : OK;
  }

  /** Before authentication: blocks on the address or the client ID, then count the request. */
  async admit(ip: string, clientId: string): Promise<Verdict> {
    const local = this.localBlock(ip, clientId);
    if (!local.ok) return local;
    const first = await Promise.all([this.checkOnce(this.failedIp, ip), this.checkOnce(this.failedClient, clientId)]);
    for (const v of first) if (!v.ok) return v;
    return this.ip.consume(ip);
  }

  async onAuthenticated(clientId: string): Promise<Verdict> {
    return this.client.consume(clientId);
  }

  async onFailedAuthentication(ip: string, clientId: string): Promise<Verdict> {
    const [a, b] = await Promise.all([this.failedIp.penalise(ip), this.failedClient.penalise(clientId)]);
    return !a.ok ? a : b;
  }

  private localBlock(ip: string, clientId: string): Verdict {
    const ms = Math.max(
      this.ip.blocked(ip),
      this.failedIp.blocked(ip),
      this.client.blocked(clientId),
      this.failedClient.blocked(clientId),
    );
    return ms > 0 ? { ok: false, retryAfterMs: ms } : OK;
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
