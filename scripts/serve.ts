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
  logger,
  prepareLocalEnvironment,
  prepareNext,
  readConfig,
  setMode,
  startOAuthRuntime,
} from "./start-up/steps";
import type { Config } from "@/lib/config";
import type { OAuthRuntime } from "@/lib/oauth/runtime";
import type { LocalEnvironment } from "./start-up/local-environment";

const mode = process.argv[2] === "start" ? "start" : "dev";
const dev = mode === "dev";
// Before Next.js is loaded (the steps import it only when they run).
setMode(mode);

async function main() {
  const log = logger("console");
  let local: LocalEnvironment | undefined;
  const exit = async (code: number) => {
    await local?.stop().catch(() => {});
    process.exit(code);
  };

  let cfg: Config;
  let workers: number;
  let oauth: OAuthRuntime | undefined;
  try {
    local = await prepareLocalEnvironment({ dev, log, purpose: "serve" });
    cfg = await readConfig();
    // Next's dev compiler in several processes would fight over .next.
    workers = dev ? 1 : cfg.WEB_CONCURRENCY;
    if (dev && cfg.WEB_CONCURRENCY > 1) log(`WEB_CONCURRENCY=${cfg.WEB_CONCURRENCY} applies to npm start; dev runs one process`);
    await applyMigrationsStep(cfg, log);
    await createFirstOwnerStep(cfg, log);
    if (workers > 1) await createSigningKeyStep(cfg, log);
    else oauth = await startOAuthRuntime(cfg, log);
  } catch (err) {
    console.error(`[console] ${(err as Error).message}`);
    return exit(1);
  }

  if (workers > 1) {
    const { superviseWorkers } = await import("./start-up/workers");
    await superviseWorkers({ count: workers, log, exit }).ready;
    log(`ready on ${cfg.PUBLIC_URL} (${mode}, ${workers} worker processes)`);
    return;
  }
  await serve({ cfg, oauth: oauth!, log, exit });
  log(`ready on ${cfg.PUBLIC_URL} (${mode})`);
}

/** Steps 6-8 of one serving process: the whole console, or a WEB_CONCURRENCY worker. */
async function serve(opts: { cfg: Config; oauth: OAuthRuntime; log: Log; exit: (code: number) => Promise<void> }) {
  const { cfg, oauth, log } = opts;
  const next = await prepareNext({ dev, port: cfg.PORT });
  const { createRequestPipeline } = await import("./start-up/request-pipeline");
  const server = await createRequestPipeline({ next, oauth, trustProxyHops: cfg.TRUST_PROXY_HOPS, logRequests: cfg.LOG_LEVEL === "debug", log });
  await listen(server, cfg.PORT, cfg.HOST);
  drainOnSignals({ server, log, close: [() => next.close(), () => oauth.close()], exit: opts.exit });
}

/** A worker inherits the primary's environment (database URL, local secrets) and finds the key in place. */
async function worker() {
  const log = logger(`console:${cluster.worker!.id}`);
  const cfg = await readConfig();
  const oauth = await startOAuthRuntime(cfg, log);
  await serve({ cfg, oauth, log, exit: async (code) => process.exit(code) });
}

(cluster.isPrimary ? main() : worker()).catch((err) => {
  console.error(`[console] ${(err as Error).stack ?? err}`);
  process.exit(1);
});
