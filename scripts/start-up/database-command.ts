// The frame of a command on the console's database (`npm run keys:rotate`,
// `npm run keys:reencrypt`): the first three start-up steps (local
// environment, config, migrations), then the command's work on a pool of one
// connection. `prepare` runs before the migrations and hands back that work,
// so a command refused for its settings changes nothing. A failure is logged
// and exits with 1.
import pg from "pg";
import type { Config } from "@/lib/config";
import { applyMigrationsStep, type Log, prepareLocalEnvironment, readConfig } from "./steps";

export type DatabaseWork = (pool: pg.Pool) => Promise<void>;

export function runDatabaseCommand(log: Log, prepare: (cfg: Config) => Promise<DatabaseWork>): void {
  const main = async () => {
    const local = await prepareLocalEnvironment({ log, purpose: "command" });
    try {
      const cfg = await readConfig();
      const work = await prepare(cfg);
      await applyMigrationsStep(cfg);
      const pool = new pg.Pool({ connectionString: cfg.DATABASE_URL, max: 1 });
      try {
        await work(pool);
      } finally {
        await pool.end();
      }
    } finally {
      await local.stop();
    }
  };
  main().catch((err) => {
    log.error((err as Error).message);
    process.exit(1);
  });
}
