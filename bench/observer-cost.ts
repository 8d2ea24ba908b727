// `npx tsx bench/observer-cost.ts`: what the token path pays per request for
// metrics and usage counting, measured alone (no server, no network), so the
// figure holds on a busy machine where whole-server throughput comparisons
// (npm run bench:token, "usage counting on / off") drown in noise.
// One million answered-token events through the same observers serve.ts
// installs (metrics + usage counter + rate-limit log), against a no-op.
import { fanOut, type OAuthRequestEvent } from "@cluster-console/auth-server";
import { createLogger } from "@/lib/ops/logger";
import { createMetrics } from "@/lib/ops/metrics";
import { rateLimitLogger } from "@/lib/ops/request-log";
import { UsageCounter } from "@/lib/ops/usage-counter";

const N = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const CLIENTS = 1_000;

const metrics = createMetrics(() => undefined, { defaultMetrics: false });
// Flushes are not part of this figure: they run every few seconds, off the request path.
const usage = new UsageCounter({ query: async () => ({ rows: [] }) } as never, { intervalMs: 60_000 });
const observer = fanOut([metrics.observer, rateLimitLogger(createLogger({ level: "warn" })), usage.observer]);

const events: OAuthRequestEvent[] = Array.from({ length: CLIENTS }, (_, i) => ({
  path: "/oauth/token",
  outcome: "issued",
  status: 200,
  audience: "zeebe.camunda.io",
  clientId: `client${i.toString().padStart(27, "0")}`,
  ip: "127.0.0.1",
  seconds: 0.004,
}));

/** CPU time (not wall time: the machine may be shared) per event, in ns. */
function time(fn: (e: OAuthRequestEvent) => void): number {
  const start = process.cpuUsage();
  for (let i = 0; i < N; i++) fn(events[i % CLIENTS]!);
  const used = process.cpuUsage(start);
  return ((used.user + used.system) * 1000) / N;
}

for (let round = 0; round < 3; round++) {
  const noop = time(() => {});
  const all = time((e) => observer.request(e)) - noop;
  const metricsOnly = time((e) => metrics.observer.request(e)) - noop;
  const usageOnly = time((e) => usage.observer.request(e)) - noop;
  console.log(
    `[bench] round ${round + 1}: ${all.toFixed(0)} ns CPU per token request for metrics + usage counting + rate-limit log ` +
      `(metrics ${metricsOnly.toFixed(0)} ns, usage counting ${usageOnly.toFixed(0)} ns; ${N.toLocaleString("en")} events, ${CLIENTS} clients)`,
  );
}
