// The shared store behind every rate limit: PostgreSQL (table
// oauth_rate_limits, the console's own database) by default, Redis when
// REDIS_URL is set. Either way all instances count in the same place, and
// the charges that arrive together travel together (one multi-row upsert in
// PostgreSQL, one pipeline to Redis).
import { Redis } from "ioredis";
import type pg from "pg";
import { RateLimiterRedis, type RateLimiterAbstract } from "rate-limiter-flexible";
import type { LimitSettings } from "../settings";
import { BatchedRateLimiterPostgres } from "./batched-postgres-limiter";

export interface LimiterStore {
  create(name: string, limit: LimitSettings): RateLimiterAbstract;
  kind: "postgres" | "redis";
  close(): Promise<void>;
  /** Redis only: resolves when it answers PING. */
  ping?: () => Promise<true>;
}

export interface LimiterStoreOptions {
  /** Put in front of every Redis key (REDIS_KEY_PREFIX). */
  redisKeyPrefix?: string;
  /**
   * Let a command wait while Redis connects (at most one reconnection attempt)
   * instead of failing at once. The token endpoint leaves it off and answers
   * 503 during an outage; the console's own limits (sign-in, exports) turn it
   * on, since their first check may come before the connection is up.
   */
  waitForConnection?: boolean;
}

export function createLimiterStore(pool: pg.Pool, redisUrl: string | undefined, options: LimiterStoreOptions = {}): LimiterStore {
  const { redisKeyPrefix = "", waitForConnection = false } = options;
  if (redisUrl) {
    // No offline queue by default: a Redis outage fails fast (503) instead of piling up requests.
    const redis = new Redis(redisUrl, {
      enableAutoPipelining: true,
      enableOfflineQueue: waitForConnection,
      maxRetriesPerRequest: 1,
      lazyConnect: false,
    });
    redis.on("error", () => {}); // reported per request as 503; ioredis reconnects by itself
    return {
      kind: "redis",
      create: (name, limit) =>
        new RateLimiterRedis({
          storeClient: redis,
          keyPrefix: `${redisKeyPrefix}oauth_rl_${name}`,
          points: limit.points,
          duration: limit.durationSeconds,
          blockDuration: limit.blockSeconds,
        }),
      close: async () => {
        redis.disconnect();
      },
      ping: async () => {
        await redis.ping();
        return true;
      },
    };
  }
  return {
    kind: "postgres",
    create: (name, limit) =>
      new BatchedRateLimiterPostgres({
        storeClient: pool,
        storeType: "pool",
        tableName: "oauth_rate_limits",
        tableCreated: true, // by migration 20261127020000_oauth
        keyPrefix: `oauth_rl_${name}`,
        points: limit.points,
        duration: limit.durationSeconds,
        blockDuration: limit.blockSeconds,
        // Expired rows are deleted by the runtime's sweeper (expired-rows.ts).
        clearExpiredByTimeout: false,
      }),
    close: async () => {},
  };
}
