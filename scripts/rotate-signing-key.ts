// `npm run keys:rotate`: adds a new signing key (SIGNING_ALG) and retires the
// current one. Running instances pick the new key up at once (NOTIFY); the old
// public key stays in the JWKS until every token it signed has expired.
//
// Embedded installs need no settings: the database URL is found from the
// running embedded PostgreSQL (or it is started for the command), and the dev
// key-encryption key is read from .data/. The first three start-up steps are
// the console's own (scripts/start-up/database-command.ts).
import { logger } from "./start-up/steps";
import { runDatabaseCommand } from "./start-up/database-command";

const log = logger("keys");

runDatabaseCommand(log, async (cfg) => {
  const { oauthSettingsFrom } = await import("@/lib/authorization-server/settings");
  const { rotateSigningKey } = await import("@cluster-console/auth-server");
  const settings = oauthSettingsFrom(cfg);
  return async (pool) => {
    const { kid, retired } = await rotateSigningKey(pool, settings.signingAlg, settings.keyEncryptionKey);
    log(`new ${settings.signingAlg} signing key ${kid}`);
    if (retired.length) {
      log(`retired ${retired.join(", ")}; published until ${settings.tokenTtlSeconds} s after now (token lifetime)`);
    }
  };
});
