// Wires one authorization server for this process: a small pg pool of its
// own (plain SQL, no Prisma on the hot path), the LISTEN connection, caches,
// rate limits and keys. scripts/start-up/ mounts it in front of Next.js; tests
// create their own with custom settings.
//
// The package reads in request order, each layer importing only from itself or
// the layers below (checked by tests/integration/module-kinds.test.ts):
//   node-adapter.ts        node:http in, body read with a limit, source address
//   runtime.ts             this file: builds the per-process context
//   router.ts              path -> endpoint; every failure an RFC 6749 error
//   endpoints/, resource/  token, introspection, well-known; the context they share;
//                          the Administration API's bearer check
//   token/, clients/       grants (audience, reuse, admin); client authentication
//                          (the preamble every client endpoint runs) and its cache
//   rate-limit/, keys/     limits and counters; signing keys and JWS
//   protocol/, settings.ts, store/   request/response types, parameters, errors,
//                          scope names; settings; the LISTEN connection
//
// Nothing in this package imports `server-only`, Next.js, pino or the console
// (lib/): it runs under plain Node as well as inside Next, and its only
// project dependency is the credential rules (@cluster-console/credentials).
import pg from "pg";
import { ClientCache } from "./clients/client-cache";
import { LastUsedTracker } from "./clients/last-used";
import { route } from "./router";
import type { OAuthRequest, OAuthResponse } from "./protocol/types";
import { KeyRing } from "./keys/key-ring";
import { NO_LOG, NO_OBSERVER, type OAuthLog, type OAuthObserver } from "./protocol/observer";
import { ensureSigningKey } from "./keys/signing-keys";
import { sweepExpiredLimiterRows } from "./rate-limit/expired-rows";
import { createLimiterStore } from "./rate-limit/limiter-store";
import { TokenRateLimits } from "./rate-limit/token-rate-limits";
import type { OAuthContext } from "./endpoints/context";
import type { OAuthSettings } from "./settings";
import { ChangeListener } from "./store/change-listener";
import { ReusableTokens } from "./token/reusable-tokens";

export interface OAuthRuntime {
  ctx: OAuthContext;
  handle(req: OAuthRequest): Promise<OAuthResponse>;
  /** Connect the listener, make sure a signing key exists and load it. */
  start(): Promise<{ key: "created" | "exists"; store: "postgres" | "redis" }>;
  close(): Promise<void>;
  /**
   * False from the moment the process's LISTEN connection to PostgreSQL drops
   * until it is back (retried every 0.1-5 s): the earliest sign of an outage,
   * used by the request pipeline (scripts/start-up/) to answer console pages with a 503.
   */
  databaseReachable(): boolean;
  /** Point-in-time figures for /metrics (this process only). */
  stats(): RuntimeStats;
  /** Each dependency /readyz checks, answering within `timeoutMs`: true, or why not. */
  probe(timeoutMs: number): Promise<{ database: true | string; signingKey: true | string; redis?: true | string }>;
  /** The authorization server's pool (plain SQL: usage flushes, readiness). */
  pool: pg.Pool;
}

export interface RuntimeStats {
  pool: { total: number; idle: number; waiting: number };
  listening: boolean;
  activeBlocks: number;
  clientCache: { hits: number; misses: number };
}

export interface RuntimeOptions {
  observer?: OAuthObserver;
  /** Where the server reports what goes wrong (the console passes its pino logger); silent when left out. */
  log?: OAuthLog;
}

export function createOAuthRuntime(settings: OAuthSettings, options: RuntimeOptions = {}): OAuthRuntime {
  const log = options.log ?? NO_LOG;
  // A bounded wait for a connection: with the database down every request
  // fails fast into a 503 instead of queueing behind connection attempts.
  // Commits on this pool do not wait for the WAL flush (synchronous_commit
  // off): what it writes per request -- rate-limit counters, last-used times,
  // usage counts, blocks -- is visible to every other connection the moment
  // it commits, exactly as before (atomicity and isolation are unchanged, so
  // a burst is still counted request by request); only a crash of PostgreSQL
  // itself could forget the last fraction of a second of them. With 10,000
  // occasional callers every token request writes a counter, and waiting for
  // the disk capped that at a few thousand writes a second. The one durable
  // write here, a new signing key, asks for a synchronous commit itself.
  const pool = new pg.Pool({
    connectionString: settings.databaseUrl,
    max: settings.poolSize,
    connectionTimeoutMillis: 3_000,
    options: "-c synchronous_commit=off",
  });
  pool.on("error", () => {}); // an idle client died; the pool replaces it
  const listener = new ChangeListener(settings.databaseUrl, log);
  const store = createLimiterStore(pool, settings.redisUrl, { redisKeyPrefix: settings.redisKeyPrefix });
  const ctx: OAuthContext = {
    settings,
    clients: new ClientCache(pool, listener),
    keys: new KeyRing(pool, settings, listener, log),
    limits: new TokenRateLimits(store, settings, listener, pool),
    lastUsed: new LastUsedTracker(pool),
    reusableTokens: new ReusableTokens(settings.tokenReuseSeconds, settings.tokenTtlSeconds),
    now: Date.now,
    observer: options.observer ?? NO_OBSERVER,
    log,
    stats: { tokensIssued: 0, tokensReused: 0, tokenRequests: 0 },
  };
  let started: Promise<{ key: "created" | "exists"; store: "postgres" | "redis" }> | undefined;
  let stopSweeping: (() => void) | undefined;
  const start = () =>
    (started ??= (async () => {
      // Expired counters leave the table (with REDIS_URL unset, every limit
      // of the process counts there; Redis expires its own).
      stopSweeping = sweepExpiredLimiterRows(pool);
      await listener.start();
      const key = await ensureSigningKey(pool, settings.signingAlg, settings.keyEncryptionKey);
      await ctx.keys.current();
      return { key, store: store.kind };
    })());
  return {
    ctx,
    start,
    async handle(req) {
      // Lazily, in case the host did not call start(); once only, off the hot path.
      if (!started) void start().catch(() => {});
      return route(ctx, req);
    },
    databaseReachable: () => listener.healthy,
    pool,
    stats: () => ({
      pool: { total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount },
      listening: listener.healthy,
      activeBlocks: ctx.limits.activeBlocks(),
      clientCache: { hits: ctx.clients.hits, misses: ctx.clients.misses },
    }),
    async probe(timeoutMs) {
      const database = within(timeoutMs, pool.query("SELECT 1").then(() => true as const));
      const signingKey = ctx.keys.activeKid ? (true as const) : "no signing key loaded";
      const redis = store.ping ? within(timeoutMs, store.ping()) : undefined;
      return { database: await database, signingKey, ...(redis ? { redis: await redis } : {}) };
    },
    async close() {
      stopSweeping?.();
      await listener.close();
      await store.close();
      await pool.end().catch(() => {});
    },
  };
}

/** true, or a short reason (never the driver's message: it may name hosts). */
async function within(ms: number, check: Promise<true>): Promise<true | string> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<string>((resolve) => {
    timer = setTimeout(() => resolve(`no answer within ${ms} ms`), ms);
  });
  try {
    return await Promise.race([check.catch(() => "unreachable"), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
