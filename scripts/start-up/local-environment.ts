// Step 1 of every console command: the environment a local install needs and
// does not have to configure. `.env*` files are read (as `next dev` would),
// and without DATABASE_URL an embedded PostgreSQL keeps its data in
// .data/postgres (git-ignored); secrets a local install cannot be asked for
// are generated once into .data/.
//
// Shared by `npm run dev`/`npm start` (scripts/serve.ts) and
// `npm run keys:rotate` (scripts/rotate-signing-key.ts), which differ only in
// the options below.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

export const root = process.cwd();
const dataDir = path.join(root, ".data");
const postgresDir = path.join(dataDir, "postgres");
const DATABASE = "cluster_console";

/**
 * `npm run dev` or `npm start`: set before Next.js is loaded, which reads
 * NODE_ENV when it is imported.
 */
export function setMode(mode: "dev" | "start") {
  (process.env as Record<string, string>).NODE_ENV = mode === "dev" ? "development" : "production";
  process.env.NEXT_TELEMETRY_DISABLED = "1";
}

export interface LocalEnvironmentOptions {
  /** Read `.env.development*` rather than `.env.production*`; default: unless NODE_ENV is production. */
  dev?: boolean;
  /** `[console]` or `[keys]`: the prefix of the lines printed. */
  log: (message: string) => void;
  /**
   * serve: start the embedded database and create the local secrets when missing.
   * command: use the embedded database already running for this folder if there
   * is one, and only read local secrets that exist (a command never invents a
   * key-encryption key that no running console would share).
   */
  purpose: "serve" | "command";
}

export interface LocalEnvironment {
  /** The variables this step supplied, none of them set before. */
  supplied: Record<string, string>;
  /** Stops the embedded database if this step started it. */
  stop(): Promise<void>;
}

/**
 * Fills in what a local install leaves out and publishes it in process.env.
 * process.env is the one channel here on purpose: Next.js's server code in this
 * process reads its settings through lib/config (and next-auth reads NEXTAUTH_URL
 * itself), and worker processes inherit it.
 */
export async function prepareLocalEnvironment(opts: LocalEnvironmentOptions): Promise<LocalEnvironment> {
  // A CommonJS module: tsx (npm run dev) hands over its named exports; Node's
  // own ESM loader (the compiled server) finds none and gives the module as
  // the default export.
  const nextEnv: Partial<typeof import("@next/env")> & { default?: typeof import("@next/env") } = await import("@next/env");
  const loadEnvConfig = nextEnv.loadEnvConfig ?? nextEnv.default!.loadEnvConfig;
  const { embeddedUrl, runningEmbeddedPort, startEmbeddedPostgres } = await import("@/lib/db/embedded");
  const dev = opts.dev ?? process.env.NODE_ENV !== "production";
  loadEnvConfig(root, dev);
  // PORT alone first (from the files just read too): the default URLs name it.
  const { listenAddress } = await import("@/lib/config");
  const port = listenAddress().PORT;

  const supplied: Record<string, string> = {};
  const supply = (name: string, value: () => string) => {
    if (process.env[name] !== undefined) return;
    supplied[name] = process.env[name] = value();
  };

  supply("PUBLIC_URL", () => `http://localhost:${port}`);
  if (opts.purpose === "serve") supply("NEXTAUTH_URL", () => process.env.PUBLIC_URL!);

  let stop = async () => {};
  const embedded = !process.env.DATABASE_URL;
  if (embedded) {
    const running = opts.purpose === "command" ? runningEmbeddedPort(postgresDir) : undefined;
    if (running) {
      supply("DATABASE_URL", () => embeddedUrl(running, DATABASE));
    } else {
      const db = await startEmbeddedPostgres({ dataDir: postgresDir, database: DATABASE });
      stop = db.stop;
      supply("DATABASE_URL", () => db.url);
      if (opts.purpose === "serve") {
        opts.log(`database: embedded PostgreSQL, data in ${path.relative(root, postgresDir)}, listening on 127.0.0.1:${db.port}`);
      }
    }
  } else if (opts.purpose === "serve") {
    const u = new URL(process.env.DATABASE_URL!);
    opts.log(`database: DATABASE_URL (${u.hostname}:${u.port || 5432}${u.pathname})`);
  }

  if (opts.purpose === "serve" && (embedded || dev)) {
    supply("NEXTAUTH_SECRET", () => localSecret("nextauth-secret", "NEXTAUTH_SECRET", opts.log));
    // Dev-only key-encryption key for the signing keys; production sets its own.
    supply("KEY_ENCRYPTION_KEY", () => localSecret("key-encryption-key", "KEY_ENCRYPTION_KEY", opts.log));
  }
  if (opts.purpose === "command" && embedded) {
    const kek = existingLocalSecret("key-encryption-key");
    if (kek) supply("KEY_ENCRYPTION_KEY", () => kek);
  }
  // A command signs no sessions, but the configuration requires the secret.
  if (opts.purpose === "command") supply("NEXTAUTH_SECRET", () => "unused-by-this-command-unused-by-this-command");
  return { supplied, stop };
}

function existingLocalSecret(name: string): string | undefined {
  const file = path.join(dataDir, name);
  return existsSync(file) ? readFileSync(file, "utf8").trim() : undefined;
}

/** A random secret kept in .data for local installs, created on first start. */
function localSecret(name: string, envName: string, log: (message: string) => void): string {
  const existing = existingLocalSecret(name);
  if (existing) return existing;
  const file = path.join(dataDir, name);
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, secret, { mode: 0o600 });
  log(`generated ${name} in ${path.relative(root, file)} (set ${envName} to choose your own)`);
  return secret;
}
