// `npm run keys:rotate`: adds a new signing key (SIGNING_ALG) and retires the
// current one. Running instances pick the new key up at once (NOTIFY); the old
// public key stays in the JWKS until every token it signed has expired.
//
// Embedded installs need no settings: the database URL is found from the
// running embedded PostgreSQL (or it is started for the command), and the dev
// key-encryption key is read from .data/.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";

const root = process.cwd();
const dataDir = path.join(root, ".data");

async function main() {
  const { loadEnvConfig } = await import("@next/env");
  loadEnvConfig(root, process.env.NODE_ENV !== "production");
  let stop: (() => Promise<void>) | undefined;
  if (!process.env.DATABASE_URL) {
    const pidFile = path.join(dataDir, "postgres", "postmaster.pid");
    const port = existsSync(pidFile) ? readFileSync(pidFile, "utf8").split("\n")[3]?.trim() : undefined;
    if (port) {
      process.env.DATABASE_URL = `postgresql://postgres:postgres@127.0.0.1:${port}/cluster_console`;
    } else {
      const { startEmbeddedPostgres } = await import("@/lib/db/embedded");
      const embedded = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "postgres"), database: "cluster_console" });
      process.env.DATABASE_URL = embedded.url;
      stop = embedded.stop;
    }
    const kekFile = path.join(dataDir, "key-encryption-key");
    if (!process.env.KEY_ENCRYPTION_KEY && existsSync(kekFile)) process.env.KEY_ENCRYPTION_KEY = readFileSync(kekFile, "utf8").trim();
  }
  process.env.PUBLIC_URL ??= "http://localhost:3000";
  process.env.NEXTAUTH_SECRET ??= "unused-by-this-command-unused-by-this-command";
  try {
    const { parseConfig } = await import("@/lib/config");
    const { oauthSettingsFrom } = await import("@/lib/oauth/settings");
    const { rotateSigningKey } = await import("@/lib/oauth/keys/signing-keys");
    const { applyMigrations } = await import("@/lib/db/migrate");
    const settings = oauthSettingsFrom(parseConfig(process.env));
    await applyMigrations(settings.databaseUrl);
    const pool = new pg.Pool({ connectionString: settings.databaseUrl, max: 1 });
    try {
      const { kid, retired } = await rotateSigningKey(pool, settings.signingAlg, settings.keyEncryptionKey);
      console.log(`[keys] new ${settings.signingAlg} signing key ${kid}`);
      if (retired.length) {
        console.log(`[keys] retired ${retired.join(", ")}; published until ${settings.tokenTtlSeconds} s after now (token lifetime)`);
      }
    } finally {
      await pool.end();
    }
  } finally {
    await stop?.();
  }
}

main().catch((err) => {
  console.error(`[keys] ${(err as Error).message}`);
  process.exit(1);
});
