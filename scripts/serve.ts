// `npm run dev` and `npm start`: prepare the database, then serve the console.
//
// Without DATABASE_URL an embedded PostgreSQL is started with its data in
// .data/postgres (git-ignored) and stopped cleanly on Ctrl-C. Migrations are
// applied on every start (a no-op when up to date). ADMIN_EMAIL and
// ADMIN_PASSWORD create the first owner for scripted installs.
//
// The steps themselves live in scripts/start-up/ (shared with the key-rotation
// command); this file only runs them in order.
import {
  applyMigrationsStep,
  createFirstOwnerStep,
  drainOnSignals,
  listen,
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

const log = logger("console");

async function main() {
  let local: LocalEnvironment | undefined;
  const exit = async (code: number) => {
    await local?.stop().catch(() => {});
    process.exit(code);
  };

  let cfg: Config;
  let oauth: OAuthRuntime;
  try {
    local = await prepareLocalEnvironment({ dev, log, purpose: "serve" });
    cfg = await readConfig();
    await applyMigrationsStep(cfg, log);
    await createFirstOwnerStep(cfg, log);
    oauth = await startOAuthRuntime(cfg, log);
  } catch (err) {
    console.error(`[console] ${(err as Error).message}`);
    return exit(1);
  }

  const next = await prepareNext({ dev, port: cfg.PORT });
  const { createRequestPipeline } = await import("./start-up/request-pipeline");
  const server = await createRequestPipeline({ next, oauth, trustProxyHops: cfg.TRUST_PROXY_HOPS, logRequests: cfg.LOG_LEVEL === "debug", log });
  await listen(server, cfg.PORT, cfg.HOST);
  log(`ready on ${cfg.PUBLIC_URL} (${mode})`);

  drainOnSignals({ server, log, close: [() => next.close(), () => oauth.close()], exit });
}

main().catch((err) => {
  console.error(`[console] ${(err as Error).stack ?? err}`);
  process.exit(1);
});
