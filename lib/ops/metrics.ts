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

  // Values owned by the runtime, read at scrape time.
  let lastHits = 0;
  let lastMisses = 0;
  const cacheHits = new Counter({
    name: "console_client_cache_hits_total",
    help: "Client lookups answered from this process's cache.",
    registers: [registry],
    collect() {
      const s = stats();
      if (s && s.clientCache.hits > lastHits) this.inc(s.clientCache.hits - lastHits);
      lastHits = Math.max(lastHits, s?.clientCache.hits ?? 0);
    },
  });
  const cacheMisses = new Counter({
    name: "console_client_cache_misses_total",
    help: "Client lookups that read the database (first use, after a change, or while LISTEN is down).",
    registers: [registry],
    collect() {
      const s = stats();
      if (s && s.clientCache.misses > lastMisses) this.inc(s.clientCache.misses - lastMisses);
      lastMisses = Math.max(lastMisses, s?.clientCache.misses ?? 0);
    },
  });
  void cacheHits;
  void cacheMisses;
  new Gauge({
    name: "console_rate_limit_active_blocks",
    help: "Callers (addresses or client IDs) currently blocked by a rate limit, as this process knows them.",
    registers: [registry],
    // Blocks are broadcast to every process: each knows the same ones.
    aggregator: "max",
    collect() {
      this.set(stats()?.activeBlocks ?? 0);
    },
  });
  new Gauge({
    name: "console_listen_connected",
    help: "1 while this process's LISTEN connection to PostgreSQL is up (caches trusted), 0 otherwise.",
    registers: [registry],
    // Over several workers: 1 only if every one is connected.
    aggregator: "min",
    collect() {
      this.set(stats()?.listening ? 1 : 0);
    },
  });
  new Gauge({
    name: "console_db_pool_connections_in_use",
    help: "Connections of the authorization server's pool checked out right now.",
    registers: [registry],
    collect() {
      const p = stats()?.pool;
      this.set(p ? p.total - p.idle : 0);
    },
  });
  new Gauge({
    name: "console_db_pool_waiting",
    help: "Requests waiting for a connection of the authorization server's pool.",
    registers: [registry],
    collect() {
      this.set(stats()?.pool.waiting ?? 0);
    },
  });

  // The password-check queue (lib/auth/password.ts); summed over workers.
  new Gauge({
    name: "console_password_checks_waiting",
    help: "Password checks (sign-in, password change) waiting for a slot.",
    registers: [registry],
    collect() {
      this.set(passwordCheckQueue().waiting);
    },
  });
  new Gauge({
    name: "console_password_checks_running",
    help: "Password checks computing right now.",
    registers: [registry],
    collect() {
      this.set(passwordCheckQueue().running);
    },
  });
  let lastBusy = 0;
  let lastDropped = 0;
  new Counter({
    name: "console_password_checks_refused_busy_total",
    help: "Password checks refused without computing because the wait would have been too long.",
    registers: [registry],
    collect() {
      const { refusedBusy } = passwordCheckQueue();
      if (refusedBusy > lastBusy) this.inc(refusedBusy - lastBusy);
      lastBusy = Math.max(lastBusy, refusedBusy);
    },
  });
  new Counter({
    name: "console_password_checks_dropped_total",
    help: "Password checks dropped while waiting because their caller hung up.",
    registers: [registry],
    collect() {
      const { dropped } = passwordCheckQueue();
      if (dropped > lastDropped) this.inc(dropped - lastDropped);
      lastDropped = Math.max(lastDropped, dropped);
    },
  });

  // Notifications (lib/jobs): emails and webhook deliveries by outcome; summed over workers.
  const seen = new Map<string, number>();
  const delta = (key: string, now: number) => {
    const d = now - (seen.get(key) ?? 0);
    seen.set(key, Math.max(now, seen.get(key) ?? 0));
    return d;
  };
  new Counter({
    name: "console_emails_total",
    help: "Emails by kind and outcome: sent, retried (an attempt failed, another follows), failed (the last attempt failed).",
    labelNames: ["kind", "outcome"] as const,
    registers: [registry],
    collect() {
      for (const [key, n] of notificationCounts().emails) {
        const [kind = "", outcome = ""] = key.split("|");
        const d = delta(`e|${key}`, n);
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
        const d = delta(`w|${outcome}`, n);
        if (d > 0) this.inc({ outcome }, d);
      }
    },
  });
  new Counter({
    name: "console_webhook_endpoints_disabled_total",
    help: "Webhook endpoints this process disabled after repeated failures.",
    registers: [registry],
    collect() {
      const d = delta("disabled", notificationCounts().endpointsDisabled);
      if (d > 0) this.inc(d);
    },
  });

  const observer: OAuthObserver = {
    request(e) {
      if (e.path === "/oauth/token") {
        tokenRequests.inc({ outcome: e.outcome, audience: e.audience });
        tokenSeconds.observe({ outcome: e.outcome }, e.seconds);
      } else if (e.path === "/oauth/introspect") {
        introspections.inc({ result: e.outcome === "ok" ? (e.active ? "active" : "inactive") : e.outcome });
      }
    },
  };

  return { registry, observer, render: () => registry.metrics(), contentType: registry.contentType };
}
