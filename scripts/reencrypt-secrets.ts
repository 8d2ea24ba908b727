// `npm run keys:reencrypt`: after a KEY_ENCRYPTION_KEY change, seals every
// connector secret value again under the new key. Set the new key in
// KEY_ENCRYPTION_KEY and the old one in KEY_ENCRYPTION_KEY_PREVIOUS, restart
// the console (it reads values under either meanwhile), run this, then remove
// KEY_ENCRYPTION_KEY_PREVIOUS. Running it twice is harmless. Values never
// reach the log; only counts do.
import { decodeKey } from "@/lib/config";
import { logger } from "./start-up/steps";
import { runDatabaseCommand } from "./start-up/database-command";

const log = logger("keys");

runDatabaseCommand(log, async (cfg) => {
  const current = cfg.KEY_ENCRYPTION_KEY ? decodeKey(cfg.KEY_ENCRYPTION_KEY) : undefined;
  if (!current) throw new Error("KEY_ENCRYPTION_KEY is not set.");
  const previous = cfg.KEY_ENCRYPTION_KEY_PREVIOUS ? decodeKey(cfg.KEY_ENCRYPTION_KEY_PREVIOUS) : undefined;
  const { reencryptConnectorSecrets } = await import("@/lib/connector-secrets/reencrypt");
  return async (pool) => {
    const { reencrypted, total, unreadable } = await reencryptConnectorSecrets(pool, { current, previous });
    log(`connector secrets: ${reencrypted} of ${total} sealed again under the current KEY_ENCRYPTION_KEY`);
    if (unreadable.length) {
      log.error(`${unreadable.length} connector secret(s) open under neither key (IDs ${unreadable.join(", ")}): set KEY_ENCRYPTION_KEY_PREVIOUS to the key they were stored with`);
      process.exitCode = 1;
    }
  };
});
