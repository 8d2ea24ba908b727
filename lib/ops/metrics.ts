// Prometheus metrics of one console process (prom-client, its own registry).
// Counters come from the authorization server's observer (packages/auth-server/src/protocol/observer.ts);
// gauges are read from the runtime when scraped. Labels are bounded sets only:
// outcomes are error codes, audiences the configured ones ("other"/"none"
// otherwise). No client ID, address or path ever becomes a label.
//
// Per process: each process counts its own requests. With WEB_CONCURRENCY
// workers, /metrics answers the sum over all of them (cluster-metrics.ts);
// each gauge says how its values combine.
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import { consoleVersion } from "../version";
import type { OAuthObserver, RuntimeStats } from "@cluster-console/auth-server";
import { passwordCheckQueue } from "../auth/password";
import { notificationCounts } from "./notification-counts";

export interface ConsoleMetrics {
  registry: Registry;
  observer: OAuthObserver;
  /** The Prometheus text exposition. */
  render(): Promise<string>;
  contentType: string;
}

export function createMetrics(stats: () => RuntimeStats | undefined, opts: { defaultMetrics?: boolean } = {}): ConsoleMetrics {
  const registry = new Registry();
  if (opts.defaultMetrics !== false) collectDefaultMetrics({ register: registry });

  // Always 1; the labels say what runs. "first": every worker of a process reports the same.
  new Gauge({
    name: "console_build_info",
    help: "The running console's version and Node.js version (always 1).",
    labelNames: ["version", "nodejs"] as const,
    registers: [registry],
    aggregator: "first",
  }).set({ version: consoleVersion(), nodejs: process.versions.node }, 1);

  const observer = registerOAuthRequestMetrics(registry);
  registerRuntimeMetrics(registry, stats);
  registerPasswordCheckMetrics(registry);
  registerNotificationMetrics(registry);

  return { registry, observer, render: () => registry.metrics(), contentType: registry.contentType };
}

/** Token and introspection requests, counted as the authorization server reports each one. */
function registerOAuthRequestMetrics(registry: Registry): OAuthObserver {
  const tokenRequests = new Counter({
    name: "console_token_requests_total",
    help: "Token endpoint requests by outcome (issued, reused, or the OAuth error code) and audience.",
    labelNames: ["outcome", "audience"] as const,
    registers: [registry],
  });
  const tokenSeconds = new Histogram({
    name: "console_token_request_duration_seconds",
    help: "Time to answer a token request, from the parsed body to the response.",
    labelNames: ["outcome"] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const introspections = new Counter({
    name: "console_introspection_requests_total",
    help: "Introspection requests by result: active, inactive, or the OAuth error code.",
    labelNames: ["result"] as const,
    registers: [registry],
  });
  return {
    request(e) {
      if (e.path === "/oauth/token") {
        tokenRequests.inc({ outcome: e.outcome, audience: e.audience });
        tokenSeconds.observe({ outcome: e.outcome }, e.seconds);
      } else if (e.path === "/oauth/introspect") {
        introspections.inc({ result: e.outcome === "ok" ? (e.active ? "active" : "inactive") : e.outcome });
      }
    },
  };
}

/** What a metric needs besides its registry and how it reads its value. */
type ScrapedMetric = { name: string; help: string; aggregator?: "first" | "max" | "min" };

/** A gauge set to `read()` at every scrape. */
function scrapedGauge(registry: Registry, metric: ScrapedMetric, read: () => number) {
  new Gauge({
    ...metric,
    registers: [registry],
    collect() {
      this.set(read());
    },
  });
}

/**
 * The growth of a total kept elsewhere (the runtime, the password queue, the
 * job workers) since the last call: the amount to add to a counter, never
 * less than nothing when the total reads lower (a runtime not started yet).
 */
function growthSinceLast() {
  let last = 0;
  return (total: number) => {
    const d = total - last;
    last = Math.max(last, total);
    return d;
  };
}

/** growthSinceLast for each label set of a counter, by a key naming the set. */
function growthPerLabels() {
  const growth = new Map<string, (total: number) => number>();
  return (key: string, total: number) => {
    let g = growth.get(key);
    if (!g) {
      g = growthSinceLast();
      growth.set(key, g);
    }
    return g(total);
  };
}

/** A counter that follows the total `read()` returns at each scrape. */
function scrapedCounter(registry: Registry, metric: ScrapedMetric, read: () => number) {
  const growth = growthSinceLast();
  new Counter({
    ...metric,
    registers: [registry],
    collect() {
      const d = growth(read());
      if (d > 0) this.inc(d);
    },
  });
}

/** Values owned by the authorization server's runtime, read at scrape time. */
function registerRuntimeMetrics(registry: Registry, stats: () => RuntimeStats | undefined) {
  scrapedCounter(registry, { name: "console_client_cache_hits_total", help: "Client lookups answered from this process's cache." }, () => stats()?.clientCache.hits ?? 0);
  scrapedCounter(
    registry,
    { name: "console_client_cache_misses_total", help: "Client lookups that read the database (first use, after a change, or while LISTEN is down)." },
    () => stats()?.clientCache.misses ?? 0,
  );
  // Blocks are broadcast to every process: each knows the same ones.
  scrapedGauge(
    registry,
    { name: "console_rate_limit_active_blocks", help: "Callers (addresses or client IDs) currently blocked by a rate limit, as this process knows them.", aggregator: "max" },
    () => stats()?.activeBlocks ?? 0,
  );
  // Over several workers: 1 only if every one is connected.
  scrapedGauge(
    registry,
    { name: "console_listen_connected", help: "1 while this process's LISTEN connection to PostgreSQL is up (caches trusted), 0 otherwise.", aggregator: "min" },
    () => (stats()?.listening ? 1 : 0),
  );
  scrapedGauge(registry, { name: "console_db_pool_connections_in_use", help: "Connections of the authorization server's pool checked out right now." }, () => {
    const p = stats()?.pool;
    return p ? p.total - p.idle : 0;
  });
  scrapedGauge(registry, { name: "console_db_pool_waiting", help: "Requests waiting for a connection of the authorization server's pool." }, () => stats()?.pool.waiting ?? 0);
}

/** The password-check queue (lib/auth/password.ts); summed over workers. */
function registerPasswordCheckMetrics(registry: Registry) {
  scrapedGauge(registry, { name: "console_password_checks_waiting", help: "Password checks (sign-in, password change) waiting for a slot." }, () => passwordCheckQueue().waiting);
  scrapedGauge(registry, { name: "console_password_checks_running", help: "Password checks computing right now." }, () => passwordCheckQueue().running);
  scrapedCounter(
    registry,
    { name: "console_password_checks_refused_busy_total", help: "Password checks refused without computing because the wait would have been too long." },
    () => passwordCheckQueue().refusedBusy,
  );
  scrapedCounter(
    registry,
    { name: "console_password_checks_dropped_total", help: "Password checks dropped while waiting because their caller hung up." },
    () => passwordCheckQueue().dropped,
  );
}

/** Notifications (lib/jobs): emails and webhook deliveries by outcome; summed over workers. */
function registerNotificationMetrics(registry: Registry) {
  const emailGrowth = growthPerLabels();
  const webhookGrowth = growthPerLabels();
  new Counter({
    name: "console_emails_total",
    help: "Emails by kind and outcome: sent, retried (an attempt failed, another follows), failed (the last attempt failed).",
    labelNames: ["kind", "outcome"] as const,
    registers: [registry],
    collect() {
      for (const [key, n] of notificationCounts().emails) {
        const [kind = "", outcome = ""] = key.split("|");
        const d = emailGrowth(key, n);
        if (d > 0) this.inc({ kind, outcome }, d);
      }
    },
  });
  new Counter({
    name: "console_webhook_deliveries_total",
    help: "Webhook delivery attempts by outcome: delivered, retried, failed (the last attempt failed).",
    labelNames: ["outcome"] as const,
    registers: [registry],
    collect() {
      for (const [outcome, n] of notificationCounts().webhooks) {
        const d = webhookGrowth(outcome, n);
        if (d > 0) this.inc({ outcome }, d);
      }
    },
  });
  scrapedCounter(registry, { name: "console_webhook_endpoints_disabled_total", help: "Webhook endpoints this process disabled after repeated failures." }, () => notificationCounts().endpointsDisabled);
}
