// `npm run keys:reencrypt`: after a KEY_ENCRYPTION_KEY change, seals every
// connector secret value again under the new key. Set the new key in
// KEY_ENCRYPTION_KEY and the old one in KEY_ENCRYPTION_KEY_PREVIOUS, restart
// the console (it reads values under either meanwhile), run this, then remove
// KEY_ENCRYPTION_KEY_PREVIOUS. Running it twice is harmless. Values never
// reach the log; only counts do.
import pg from "pg";
import { decodeKey } from "@/lib/config";
import { applyMigrationsStep, logger, prepareLocalEnvironment, readConfig } from "./start-up/steps";

const log = logger("keys");

async function main() {
  const local = await prepareLocalEnvironment({ log, purpose: "command" });
  try {
    const cfg = await readConfig();
    const current = cfg.KEY_ENCRYPTION_KEY ? decodeKey(cfg.KEY_ENCRYPTION_KEY) : undefined;
    if (!current) throw new Error("KEY_ENCRYPTION_KEY is not set.");
    const previous = cfg.KEY_ENCRYPTION_KEY_PREVIOUS ? decodeKey(cfg.KEY_ENCRYPTION_KEY_PREVIOUS) : undefined;
    const { reencryptConnectorSecrets } = await import("@/lib/connector-secrets/reencrypt");
    await applyMigrationsStep(cfg);
    const pool = new pg.Pool({ connectionString: cfg.DATABASE_URL, max: 1 });
    try {
      const { reencrypted, total, unreadable } = await reencryptConnectorSecrets(pool, { current, previous });
      log(`connector secrets: ${reencrypted} of ${total} sealed again under the current KEY_ENCRYPTION_KEY`);
      if (unreadable.length) {
        log.error(`${unreadable.length} connector secret(s) open under neither key (IDs ${unreadable.join(", ")}): set KEY_ENCRYPTION_KEY_PREVIOUS to the key they were stored with`);
        process.exitCode = 1;
      }
    } finally {
      await pool.end();
    }
  } finally {
    await local.stop();
  }
}

main().catch((err) => {
  log.error((err as Error).message);
  process.exit(1);
});
