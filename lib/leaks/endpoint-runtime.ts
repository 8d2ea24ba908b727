// The leak report endpoint of this process, built once from the
// configuration: the scanner's keys (LEAK_SCANNER_KEYS_URL and
// LEAK_SCANNER_PUBLIC_KEYS) and the per-address limit, counted in the
// console's limiter store (lib/db/limiter-store.ts: PostgreSQL, or Redis with
// REDIS_URL), so it holds across instances.
import "server-only";
import { type RateLimiterAbstract, RateLimiterRes } from "rate-limiter-flexible";
import { freshConfig, parseScannerKeys, type ScannerKey } from "@/lib/config";
import { consoleLimiter } from "@/lib/db/limiter-store";
import { sourceGroup } from "@/lib/auth/check-source";
import { ScannerKeys, type FetchKeys } from "@/lib/leaks/scanner-keys";
import type { LeakEndpoint, RateVerdict } from "@/lib/leaks/report-endpoint";

const WINDOW_SECONDS = 60;

export interface LeakEndpointOptions {
  /** null: only `keys`. */
  keysUrl: string | null;
  keys: readonly ScannerKey[];
  /** Reports per source address per minute. */
  ratePerMinute: number;
  /** Tests count under their own prefix. */
  limiterPrefix?: string;
  /** The store's limiter for a name and limit (default: the console's store). */
  limiter?: (name: string, limit: { points: number; durationSeconds: number; blockSeconds: number }) => RateLimiterAbstract;
  fetchKeys?: FetchKeys;
}

export function createLeakEndpoint(o: LeakEndpointOptions): LeakEndpoint {
  const limiter = (o.limiter ?? consoleLimiter)(o.limiterPrefix ?? "leak_report", { points: o.ratePerMinute, durationSeconds: WINDOW_SECONDS, blockSeconds: 0 });
  return {
    keys: new ScannerKeys(o.keysUrl, o.keys, o.fetchKeys),
    limit: async (address): Promise<RateVerdict> => {
      try {
        await limiter.consume(sourceGroup(address), 1);
        return { ok: true };
      } catch (err) {
        if (err instanceof RateLimiterRes) return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(err.msBeforeNext / 1000)) };
        throw err;
      }
    },
    reporterName: "Secret scanning",
  };
}

const holder = globalThis as unknown as { __leakEndpoint?: LeakEndpoint };

export function leakEndpoint(): LeakEndpoint {
  if (holder.__leakEndpoint) return holder.__leakEndpoint;
  const cfg = freshConfig();
  holder.__leakEndpoint = createLeakEndpoint({
    keysUrl: cfg.LEAK_SCANNER_KEYS_URL === "none" ? null : cfg.LEAK_SCANNER_KEYS_URL,
    keys: cfg.LEAK_SCANNER_PUBLIC_KEYS ? (parseScannerKeys(cfg.LEAK_SCANNER_PUBLIC_KEYS) ?? []) : [],
    ratePerMinute: cfg.LEAK_REPORT_RATE_LIMIT,
  });
  return holder.__leakEndpoint;
}
