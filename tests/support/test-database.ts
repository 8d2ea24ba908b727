// A fresh, migrated database for one test run. With DATABASE_URL set, a new
// database is created on that server (and dropped afterwards); without it, an
// embedded PostgreSQL starts in a temporary folder. The suite never assumes a
// server on 5432.
import { randomBytes } from "node:crypto";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres } from "@/lib/db/embedded";
import { applyMigrations } from "@/lib/db/migrate";

export interface TestDatabase {
  url: string;
  /** A second empty database on the same server, for tests that need one. */
  createDatabase(name: string): Promise<string>;
  dispose(): Promise<void>;
}

/**
 * A server that lives for one test run: nothing in it must survive a crash of
 * the machine, so commits skip the disk flush (the suite's many small
 * transactions stop waiting on fsync), and test files running side by side,
 * each with its own pools and console processes, get connections enough.
 */
const THROWAWAY_SERVER = { fsync: "off", synchronous_commit: "off", full_page_writes: "off", max_connections: "400" };

export async function startTestDatabase(label = "test"): Promise<TestDatabase> {
  const name = `cc_${label}_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
  const external = process.env.DATABASE_URL;
  if (external) {
    assertLocal(external);
    const url = withDatabase(external, name);
    await adminQuery(external, `CREATE DATABASE "${name}"`);
    await applyMigrations(url);
    const created = [name];
    return {
      url,
      async createDatabase(extra) {
        created.push(extra);
        await adminQuery(external, `CREATE DATABASE "${extra}"`);
        return withDatabase(external, extra);
      },
      async dispose() {
        for (const db of created) await adminQuery(external, `DROP DATABASE IF EXISTS "${db}" WITH (FORCE)`);
      },
    };
  }
  const dir = await mkdtemp(path.join(os.tmpdir(), "cc-pg-"));
  // Postgres runs as the `postgres` OS user when we are root: it must reach the folder.
  await chmod(dir, 0o755);
  const embedded = await startEmbeddedPostgres({ dataDir: path.join(dir, "data"), database: name, ephemeral: true, settings: THROWAWAY_SERVER });
  await applyMigrations(embedded.url);
  return {
    url: embedded.url,
    async createDatabase(extra) {
      await adminQuery(embedded.url, `CREATE DATABASE "${extra}"`);
      return withDatabase(embedded.url, extra);
    },
    async dispose() {
      await embedded.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

async function adminQuery(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Tests create and drop databases: refuse anything but this machine. */
function assertLocal(url: string) {
  const host = new URL(url).hostname;
  if (!["localhost", "127.0.0.1", "::1", "[::1]", ""].includes(host)) {
    throw new Error(`Refusing to run tests against a non-local database (${host}).`);
  }
}
