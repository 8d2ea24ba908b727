// `npm run keys:rotate`: adds a new signing key (SIGNING_ALG) and retires the
// current one. Running instances pick the new key up at once (NOTIFY); the old
// public key stays in the JWKS until every token it signed has expired.
//
// Embedded installs need no settings: the database URL is found from the
// running embedded PostgreSQL (or it is started for the command), and the dev
// key-encryption key is read from .data/. The first three start-up steps are
// the console's own (scripts/start-up/steps.ts).
import pg from "pg";
import { applyMigrationsStep, logger, prepareLocalEnvironment, readConfig } from "./start-up/steps";

const log = logger("keys");

async function main() {
  const local = await prepareLocalEnvironment({ log, purpose: "command" });
  try {
    const cfg = await readConfig();
    const { oauthSettingsFrom } = await import("@/lib/authorization-server/settings");
    const { rotateSigningKey } = await import("@cluster-console/auth-server");
    const settings = oauthSettingsFrom(cfg);
    await applyMigrationsStep(cfg);
    const pool = new pg.Pool({ connectionString: settings.databaseUrl, max: 1 });
    try {
      const { kid, retired } = await rotateSigningKey(pool, settings.signingAlg, settings.keyEncryptionKey);
      log(`new ${settings.signingAlg} signing key ${kid}`);
      if (retired.length) {
        log(`retired ${retired.join(", ")}; published until ${settings.tokenTtlSeconds} s after now (token lifetime)`);
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
