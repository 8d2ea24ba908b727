// `npm run dev` and `npm start`: prepare the database, then serve the console.
//
// Without DATABASE_URL an embedded PostgreSQL is started with its data in
// .data/postgres (git-ignored) and stopped cleanly on Ctrl-C. Migrations are
// applied on every start (a no-op when up to date). ADMIN_EMAIL and
// ADMIN_PASSWORD create the first owner for scripted installs.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import type { Duplex } from "node:stream";

const mode = process.argv[2] === "start" ? "start" : "dev";
const dev = mode === "dev";
(process.env as Record<string, string>).NODE_ENV = dev ? "development" : "production";
process.env.NEXT_TELEMETRY_DISABLED = "1";

const root = process.cwd();
const dataDir = path.join(root, ".data");

function log(message: string) {
  console.log(`[console] ${message}`);
}

async function main() {
  const { loadEnvConfig } = await import("@next/env");
  loadEnvConfig(root, dev);

  const port = Number(process.env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`PORT must be a port number, got "${process.env.PORT}"`);
  process.env.PUBLIC_URL ??= `http://localhost:${port}`;
  process.env.NEXTAUTH_URL ??= process.env.PUBLIC_URL;

  let stopDatabase: (() => Promise<void>) | undefined;
  if (!process.env.DATABASE_URL) {
    const { startEmbeddedPostgres } = await import("@/lib/db/embedded");
    const pgDir = path.join(dataDir, "postgres");
    const embedded = await startEmbeddedPostgres({ dataDir: pgDir, database: "cluster_console" });
    stopDatabase = embedded.stop;
    process.env.DATABASE_URL = embedded.url;
    log(`database: embedded PostgreSQL, data in ${path.relative(root, pgDir)}, listening on 127.0.0.1:${embedded.port}`);
    process.env.NEXTAUTH_SECRET ??= localSecret("nextauth-secret", "NEXTAUTH_SECRET");
    // Dev-only key-encryption key for the signing keys; production sets its own.
    process.env.KEY_ENCRYPTION_KEY ??= localSecret("key-encryption-key", "KEY_ENCRYPTION_KEY");
  } else {
    const u = new URL(process.env.DATABASE_URL);
    log(`database: DATABASE_URL (${u.hostname}:${u.port || 5432}${u.pathname})`);
    if (dev) process.env.NEXTAUTH_SECRET ??= localSecret("nextauth-secret", "NEXTAUTH_SECRET");
    if (dev) process.env.KEY_ENCRYPTION_KEY ??= localSecret("key-encryption-key", "KEY_ENCRYPTION_KEY");
  }

  const shutdown = async (code: number) => {
    await stopDatabase?.().catch(() => {});
    process.exit(code);
  };

  let oauth: import("@/lib/oauth/runtime").OAuthRuntime | undefined;
  try {
    const { parseConfig } = await import("@/lib/config");
    const cfg = parseConfig(process.env);

    const { applyMigrations } = await import("@/lib/db/migrate");
    const { applied, total } = await applyMigrations(process.env.DATABASE_URL!);
    log(`migrations: ${total} known, ${applied.length} applied now${applied.length ? ` (${applied.join(", ")})` : ""}`);

    const { bootstrapFirstOwner } = await import("@/lib/setup/bootstrap-first-owner");
    log(await bootstrapFirstOwner(process.env));

    // The authorization server answers from this process's node:http server,
    // before Next.js: the token path is the hot path (design notes in lib/oauth/runtime.ts).
    const { createOAuthRuntime } = await import("@/lib/oauth/runtime");
    const { oauthSettingsFrom } = await import("@/lib/oauth/settings");
    oauth = createOAuthRuntime(oauthSettingsFrom(cfg));
    const started = await oauth.start();
    log(
      `authorization server: ${cfg.SIGNING_ALG} signing key ${started.key === "created" ? "created" : "loaded"}, ` +
        `rate limits in ${started.store === "redis" ? "Redis" : "PostgreSQL"}`,
    );
  } catch (err) {
    console.error(`[console] ${(err as Error).message}`);
    await shutdown(1);
  }

  const next = (await import("next")).default;
  const app = next({ dev, dir: root, port, hostname: "localhost" });
  const handle = app.getRequestHandler();
  await app.prepare();

  const { handleOAuthRequest, sourceAddress } = await import("@/lib/oauth/http/node-adapter");
  const trustedHops = Number(process.env.TRUST_PROXY_HOPS ?? 0);
  const logRequests = process.env.LOG_LEVEL === "debug";
  // PostgreSQL down: console pages answer 503 at once (lib/db/outage-gate.ts).
  const { databaseOutageGate } = await import("@/lib/db/outage-gate");
  const outage = databaseOutageGate(() => oauth?.databaseReachable() ?? true);
  const server = http.createServer((req, res) => {
    if (logRequests) logRequest(req, res);
    if (oauth && handleOAuthRequest(oauth, req, res)) return;
    if (outage(req, res)) return;
    // The client's address for the console's own limits (sign-in): computed
    // here from the socket and trusted proxies, replacing anything sent in.
    req.headers["x-console-client-address"] = sourceAddress(req, trustedHops);
    void handle(req, res);
  });
  type UpgradeHandler = (req: http.IncomingMessage, socket: Duplex, head: Buffer) => Promise<void>;
  const upgrade = (app as unknown as { getUpgradeHandler?: () => UpgradeHandler }).getUpgradeHandler?.();
  if (upgrade) server.on("upgrade", (req, socket, head) => void upgrade(req, socket, head));
  server.listen(port, process.env.HOST, () => log(`ready on ${process.env.PUBLIC_URL} (${mode})`));

  let stopping = false;
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      log("stopping");
      // Stop accepting, let the requests in flight finish (at most 10 s), then
      // close: a rolling restart cuts no request off half-way.
      const drained = new Promise<void>((resolve) => {
        server.close(() => resolve());
        setTimeout(resolve, 10_000).unref();
      });
      server.closeIdleConnections();
      void drained
        .then(() => {
          server.closeAllConnections();
          return Promise.allSettled([app.close?.(), oauth?.close()]);
        })
        .finally(() => shutdown(0));
    });
  }
}

/** Debug log line per request: method, path without its query, status, time. Never headers or bodies. */
function logRequest(req: http.IncomingMessage, res: http.ServerResponse) {
  const start = performance.now();
  res.once("finish", () => {
    const path = (req.url ?? "").split("?")[0];
    log(`${req.method} ${path} ${res.statusCode} ${Math.round(performance.now() - start)}ms`);
  });
}

/** A random secret kept in .data for local installs, created on first start. */
function localSecret(name: string, envName: string): string {
  const file = path.join(dataDir, name);
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, secret, { mode: 0o600 });
  log(`generated ${name} in ${path.relative(root, file)} (set ${envName} to choose your own)`);
  return secret;
}

main().catch((err) => {
  console.error(`[console] ${(err as Error).stack ?? err}`);
  process.exit(1);
});
