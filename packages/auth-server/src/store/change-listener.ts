// One LISTEN connection per process. Triggers (migration 20261127020000_oauth)
// notify on every change to clients, secrets, clusters and signing keys, and
// rate-limit blocks are broadcast here too, so every instance drops stale
// cache entries as soon as a change commits.
//
// While the connection is down nothing can be trusted to be fresh: `healthy`
// is false, the caches are bypassed (every request reads the database), and on
// reconnect every subscriber is told to flush before caching resumes.
import pg from "pg";
import type { OAuthLog } from "../protocol/observer";

export const CHANNELS = ["oauth_client_changed", "oauth_keys_changed", "oauth_rate_block"] as const;
export type Channel = (typeof CHANNELS)[number];

type Handler = (payload: string) => void;

export class ChangeListener {
  private client: pg.Client | undefined;
  private handlers = new Map<Channel, Handler[]>();
  private resetHandlers: Array<() => void> = [];
  private closed = false;
  private retryMs = 100;
  private connecting: Promise<void> | undefined;
  healthy = false;
  /** Set once a connection was lost, so the next one is logged as a recovery. */
  private lostAt: number | undefined;

  constructor(
    private readonly databaseUrl: string,
    private readonly log?: OAuthLog,
  ) {}

  on(channel: Channel, handler: Handler) {
    this.handlers.set(channel, [...(this.handlers.get(channel) ?? []), handler]);
  }

  /** Called after every (re)connect: anything cached before may have missed a change. */
  onReset(handler: () => void) {
    this.resetHandlers.push(handler);
  }

  start(): Promise<void> {
    this.connecting ??= this.connect();
    return this.connecting;
  }

  private async connect(): Promise<void> {
    if (this.closed) return;
    const client = new pg.Client({ connectionString: this.databaseUrl });
    client.on("error", () => this.lost(client));
    client.on("end", () => this.lost(client));
    client.on("notification", (msg) => {
      for (const h of this.handlers.get(msg.channel as Channel) ?? []) h(msg.payload ?? "");
    });
    try {
      await client.connect();
      for (const channel of CHANNELS) await client.query(`LISTEN ${channel}`);
      this.client = client;
      this.retryMs = 100;
      for (const h of this.resetHandlers) h();
      this.healthy = true;
      if (this.lostAt !== undefined) {
        this.log?.info({ downSeconds: Math.round((Date.now() - this.lostAt) / 100) / 10 }, "database reachable again: caches resume, console pages served");
        this.lostAt = undefined;
      }
    } catch {
      this.lost(client);
    }
  }

  private lost(client: pg.Client) {
    if (this.client && this.client !== client) return;
    if (this.healthy && !this.closed) {
      this.lostAt = Date.now();
      this.log?.warn({}, "database connection lost: token requests and console pages answer 503 until it returns");
    }
    this.healthy = false;
    this.client = undefined;
    client.removeAllListeners("end");
    client.end().catch(() => {});
    if (this.closed) return;
    const wait = this.retryMs;
    this.retryMs = Math.min(this.retryMs * 2, 5_000);
    setTimeout(() => {
      this.connecting = this.connect();
    }, wait).unref();
  }

  /** Broadcast to every instance, this one included. */
  async notify(channel: Channel, payload: string, pool: pg.Pool): Promise<void> {
    await pool.query("SELECT pg_notify($1, $2)", [channel, payload]);
  }

  async close() {
    this.closed = true;
    this.healthy = false;
    const c = this.client;
    this.client = undefined;
    if (c) {
      c.removeAllListeners("end");
      await c.end().catch(() => {});
    }
  }
}
