// Everything operational that scripts/serve.ts puts in front of Next.js, in
// one place: the observer the authorization server reports to (metrics,
// usage counting, rate-limit warnings), the /healthz, /readyz and /metrics
// handlers, and the usage flush timer. Built before the authorization server
// (which takes the observer), attached to it once it exists.
import type { IncomingMessage, ServerResponse } from "node:http";
import { migrationNames } from "../db/migrate";
import { fanOut, type OAuthRuntime } from "@cluster-console/auth-server";
import type { Logger } from "./logger";
import { workerMetricsRenderer } from "./cluster-metrics";
import { createMetrics } from "./metrics";
import { handleOpsRequest, type OpsEndpoints } from "./ops-endpoints";
import { readinessCheck } from "./readiness";
import { rateLimitLogger } from "./request-log";
import { UsageCounter } from "./usage-counter";

export interface OpsLayerOptions {
  metricsToken: string | undefined;
  usageFlushSeconds: number;
  /** false: nothing is counted (USAGE_COUNTING=off). */
  usageCounting: boolean;
  /** A WEB_CONCURRENCY worker: /metrics answers the sum over all workers, through the primary. */
  worker?: boolean;
  log: Logger;
}

export function createOpsLayer(opts: OpsLayerOptions) {
  let runtime: OAuthRuntime | undefined;
  let usage: UsageCounter | undefined;
  const local = createMetrics(() => runtime?.stats());
  const metrics = opts.worker ? { ...local, render: workerMetricsRenderer(local.registry) } : local;
  const rateLimits = rateLimitLogger(opts.log);
  let endpoints: OpsEndpoints | undefined;

  return {
    /** For createOAuthRuntime({ observer }). Usage joins once attached. */
    observer: fanOut([local.observer, rateLimits, { request: (e) => usage?.observer.request(e) }]),

    async attach(oauth: OAuthRuntime) {
      runtime = oauth;
      if (opts.usageCounting) {
        usage = new UsageCounter(oauth.pool, { intervalMs: opts.usageFlushSeconds * 1000, log: opts.log });
        usage.start();
      }
      endpoints = { readiness: readinessCheck(oauth, await migrationNames()), metrics, metricsToken: opts.metricsToken };
    },

    /** Answers /healthz, /readyz and /metrics; false for anything else. */
    handle(req: IncomingMessage, res: ServerResponse): boolean {
      return endpoints ? handleOpsRequest(endpoints, req, res) : false;
    },

    /** Writes the last usage counts (shutdown, before the pool closes). */
    async close() {
      await usage?.close().catch(() => {});
    },
  };
}

export type OpsLayer = ReturnType<typeof createOpsLayer>;
