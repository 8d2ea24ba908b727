// An embedded PostgreSQL that a fault test may stop and start again on the
// same port and data folder, to take the database away from running consoles.
import { chmod, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { freePort, startEmbeddedPostgres, type EmbeddedDatabase } from "@/lib/db/embedded";
import { applyMigrations } from "@/lib/db/migrate";

export interface ControlledPostgres {
  url: string;
  port: number;
  /** Fast shutdown: open connections are terminated, as in a crash or failover. */
  stop(): Promise<void>;
  start(): Promise<void>;
  dispose(): Promise<void>;
}

export async function startControlledPostgres(opts: { migrate?: boolean } = {}): Promise<ControlledPostgres> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "cc-faults-pg-"));
  // Postgres runs as the `postgres` OS user when we are root: it must reach the folder.
  await chmod(dir, 0o755);
  const dataDir = path.join(dir, "data");
  const port = await freePort();
  let running: EmbeddedDatabase | undefined = await startEmbeddedPostgres({ dataDir, port, database: "faults" });
  if (opts.migrate !== false) await applyMigrations(running.url);
  const url = running.url;
  return {
    url,
    port,
    async stop() {
      await running?.stop();
      running = undefined;
    },
    async start() {
      running ??= await startEmbeddedPostgres({ dataDir, port, database: "faults" });
    },
    async dispose() {
      await running?.stop().catch(() => {});
      running = undefined;
      await rm(dir, { recursive: true, force: true });
    },
  };
}
