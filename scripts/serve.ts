// `npm run dev` and `npm start`: prepare the database, then serve the console.
//
// Without DATABASE_URL an embedded PostgreSQL is started with its data in
// .data/postgres (git-ignored) and stopped cleanly on Ctrl-C. Migrations are
// applied on every start (a no-op when up to date). ADMIN_EMAIL and
// ADMIN_PASSWORD create the first owner for scripted installs.
//
// With WEB_CONCURRENCY > 1 (`npm start` only) this process is the primary of
// a node:cluster: it runs the once-only steps, then forks that many workers
// sharing the port (scripts/start-up/workers.ts), which run this same file.
//
// `npm run start:tokens` starts a token-only instance: the same start-up and
// authorization server (token, introspection, JWKS, metadata) with the probes
// and metrics, but no console pages and no Next.js in the process. Behind a
// reverse proxy that sends /oauth/* and /.well-known/* to such instances, the
// token path no longer shares its process with Next.js (docs/operations.md, "Token-only
// instances").
//
// The steps themselves live in scripts/start-up/ (shared with the key-rotation
// command); this file only runs them in order.
import cluster from "node:cluster";
import {
  applyMigrationsStep,
  createFirstOwnerStep,
  createSigningKeyStep,
  drainOnSignals,
  listen,
  type Log,
  type PreparedNext,
  logger,
  prepareLocalEnvironment,
  prepareNext,
  readConfig,
  setMode,
  startOAuthRuntime,
} from "./start-up/steps";
import type { Config } from "@/lib/config";
import { NO_STORE, type OAuthRuntime, SECURITY_HEADERS } from "@cluster-console/auth-server";
import type { LocalEnvironment } from "./start-up/local-environment";
import type { OpsLayer } from "@/lib/ops/ops-layer";
import type { Tracing } from "@/lib/ops/tracing";
import type { JobRuntime } from "@/lib/jobs/runtime";

interface Serving {
  oauth: OAuthRuntime;
  ops: OpsLayer;
  /** OpenTelemetry, when the OTEL_* variables ask for it (lib/ops/tracing.ts). */
  tracing?: Tracing;
  /** Emails, webhook deliveries and expiry notices (lib/jobs/runtime.ts); not in a token-only instance. */
  jobs?: JobRuntime;
}

const arg = process.argv[2];
const mode = arg === "start" || arg === "tokens" ? arg : "dev";
const dev = mode === "dev";
const tokensOnly = mode === "tokens";
// Before Next.js is loaded (the steps import it only when they run).
setMode(dev ? "dev" : "start");

async function main() {
  const log = logger("console");
  let local: LocalEnvironment | undefined;
  const exit = async (code: number) => {
    await local?.stop().catch(() => {});
    process.exit(code);
  };

  let cfg: Config;
  let workers: number;
  let serving: Serving | undefined;
  try {
    local = await prepareLocalEnvironment({ dev, log, purpose: "serve" });
    cfg = await readConfig();
    // From here on, everything printed is a log line (Next.js's own output included).
    const { routeConsoleToLogger } = await import("@/lib/ops/logger");
    routeConsoleToLogger();
    // Next's dev compiler in several processes would fight over .next.
    workers = dev ? 1 : cfg.WEB_CONCURRENCY;
    if (dev && cfg.WEB_CONCURRENCY > 1) log(`WEB_CONCURRENCY=${cfg.WEB_CONCURRENCY} applies to npm start; dev runs one process`);
    await applyMigrationsStep(cfg, log);
    // The first owner signs in to the console, which this instance does not serve.
    if (!tokensOnly) await createFirstOwnerStep(cfg, log);
    if (workers > 1) await createSigningKeyStep(cfg, log);
    else serving = await startServing(cfg, log);
  } catch (err) {
    log.error((err as Error).message);
    return exit(1);
  }

  if (workers > 1) {
    // /metrics in any worker answers for all of them (lib/ops/cluster-metrics.ts).
    const { serveWorkerMetrics } = await import("@/lib/ops/cluster-metrics");
    serveWorkerMetrics();
    const { superviseWorkers } = await import("./start-up/workers");
    await superviseWorkers({ count: workers, log, exit }).ready;
    log(`ready on ${cfg.PUBLIC_URL} (${mode}, ${workers} worker processes)`);
    return;
  }
  await serve({ cfg, ...serving!, log, exit });
  log(`ready on ${cfg.PUBLIC_URL} (${mode})`);
}

/** Steps 6-8 of one serving process: the whole console, or a WEB_CONCURRENCY worker. */
async function serve(opts: Serving & { cfg: Config; log: Log; exit: (code: number) => Promise<void> }) {
  const { cfg, oauth, ops, log } = opts;
  const next = tokensOnly ? consoleServedElsewhere() : await prepareNext({ dev, port: cfg.PORT });
  const { createRequestPipeline } = await import("./start-up/request-pipeline");
  const server = await createRequestPipeline({ next, oauth, ops, tracing: opts.tracing, trustProxyHops: cfg.TRUST_PROXY_HOPS });
  await listen(server, cfg.PORT, cfg.HOST);
  drainOnSignals({ server, log, close: [() => next.close(), closeServing(opts)], exit: opts.exit });
}

/** A token-only instance answers every console path with a 404 that says where the console is. */
function consoleServedElsewhere(): PreparedNext {
  const body = JSON.stringify({
    error: "not_found",
    error_description: "This instance serves only the authorization server (/oauth/*, /.well-known/*) and its probes; the console is served by the other instances.",
  });
  return {
    handle: async (_req, res) => {
      // The authorization server's own caching and security headers.
      res.writeHead(404, { "Content-Type": "application/json", ...NO_STORE, ...SECURITY_HEADERS, "Content-Length": Buffer.byteLength(body) });
      res.end(body);
    },
    close: async () => {},
  };
}

/**
 * Step 5 with what watches it: the ops layer (health, readiness, metrics and
 * usage counting, lib/ops/ops-layer.ts) is built first, and the authorization
 * server reports every request to it. Per process: each worker has its own.
 */
async function startServing(cfg: Config, log: Log, worker = false): Promise<Serving> {
  const { createOpsLayer } = await import("@/lib/ops/ops-layer");
  const { logger: processLogger } = await import("@/lib/ops/logger");
  const ops = createOpsLayer({
    metricsToken: cfg.METRICS_TOKEN,
    usageFlushSeconds: cfg.USAGE_FLUSH_SECONDS,
    usageCounting: cfg.USAGE_COUNTING === "on",
    log: processLogger(),
    worker,
  });
  const { startTracing, tracingRequested } = await import("@/lib/ops/tracing");
  // First, so that every later query and request is traced.
  const tracing = tracingRequested(cfg) ? await startTracing(cfg) : undefined;
  const { fanOut } = await import("@cluster-console/auth-server");
  const oauth = await startOAuthRuntime(cfg, log, tracing ? fanOut([ops.observer, tracing.observer]) : ops.observer);
  await ops.attach(oauth);
  // The job queue: every console process takes part (pg-boss gives each job to one of them).
  const jobs = tokensOnly ? undefined : await (await import("@/lib/jobs/runtime")).startJobs({ cfg, log });
  log(
    `health: /healthz, /readyz; metrics: ${cfg.METRICS_TOKEN ? "/metrics (bearer METRICS_TOKEN)" : "disabled (METRICS_TOKEN unset)"}; ` +
      `usage ${cfg.USAGE_COUNTING === "on" ? `written every ${cfg.USAGE_FLUSH_SECONDS} s` : "not counted (USAGE_COUNTING=off)"}`,
  );
  if (tracing) log(`traces: OTLP to ${cfg.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT ?? cfg.OTEL_EXPORTER_OTLP_ENDPOINT}`);
  if (jobs) log(`jobs: ${cfg.SMTP_URL ? "email through SMTP_URL" : dev ? "email to the outbox page (/dev/outbox)" : "no email (SMTP_URL unset)"}, webhooks, expiry notices`);
  return { oauth, ops, tracing, jobs };
}

/** Jobs in hand finish first; the last usage counts are written before the authorization server's pool closes. */
const closeServing = ({ oauth, ops, tracing, jobs }: Serving) => () =>
  (jobs?.stop() ?? Promise.resolve())
    .then(() => ops.close())
    .then(() => oauth.close())
    .then(() => tracing?.shutdown());

/** A worker inherits the primary's environment (database URL, local secrets) and finds the key in place. */
async function worker() {
  const log = logger(`console:${cluster.worker!.id}`);
  const cfg = await readConfig();
  const { routeConsoleToLogger } = await import("@/lib/ops/logger");
  routeConsoleToLogger();
  const serving = await startServing(cfg, log, true);
  await serve({ cfg, ...serving, log, exit: async (code) => process.exit(code) });
}

(cluster.isPrimary ? main() : worker()).catch((err) => {
  logger("console").error(String((err as Error).stack ?? err));
  process.exit(1);
});
