// Starts what the browser tests talk to: a fresh migrated database and the
// console's production build, served exactly as `npm start` serves it
// (tests/support/console-process.ts, the launcher the fault tests and the
// benchmarks use too).
import { spawnSync } from "node:child_process";
import { generateKeyPairSync, randomBytes } from "node:crypto";
import path from "node:path";
import { existsSync } from "node:fs";
import { TEST_DIST_DIR, freshProductionBuild, root, startConsole } from "../support/console-process";
import { startTestDatabase } from "../support/test-database";
import { E2E_NEXTAUTH_SECRET } from "./support/e2e-secret";

// The production build the process-starting integration tests use too: one
// `next build` per `npm test` (rebuilt only when a source is newer).
const distDir = TEST_DIST_DIR;
const SERVER_LOG = path.join(root, "test-results", "e2e-server.log");

export default async function globalSetup() {
  const port = Number(process.env.E2E_PORT!);
  // The token client's tarball, served from public/downloads (as `npm run build` makes it).
  const pack = spawnSync(process.execPath, ["scripts/pack-token-client.mjs"], { cwd: root, stdio: "inherit" });
  if (pack.status !== 0) throw new Error("packing the token client failed");
  if (!(process.env.E2E_REUSE_BUILD && existsSync(path.join(root, distDir, "BUILD_ID")))) await freshProductionBuild(distDir);

  const db = await startTestDatabase("e2e");
  process.env.E2E_DATABASE_URL = db.url;
  // Shared with a second instance some tests start (tests/e2e/support/second-instance.ts).
  process.env.E2E_KEY_ENCRYPTION_KEY = randomBytes(32).toString("base64");
  // A secret scanner of the run's own (tests/e2e/leaked-secrets.e2e.ts signs leak reports with it):
  // its public key is configured, and nothing is fetched from GitHub.
  const scanner = generateKeyPairSync("ec", { namedCurve: "P-256" });
  process.env.E2E_LEAK_SCANNER_PRIVATE_KEY = scanner.privateKey.export({ type: "pkcs8", format: "pem" }).toString();
  process.env.E2E_LEAK_SCANNER_KEY_ID = `e2e-${randomBytes(6).toString("hex")}`;
  const scannerKeys = JSON.stringify([{ key_identifier: process.env.E2E_LEAK_SCANNER_KEY_ID, key: scanner.publicKey.export({ type: "spki", format: "pem" }).toString() }]);
  // Everything the server prints, at the most verbose level, goes to a file
  // that the leak scan (tests/e2e/leak-scan.e2e.ts) searches afterwards.
  process.env.E2E_SERVER_LOG = SERVER_LOG;
  // With REDIS_URL, counters live in a Redis that outlives this run and is
  // shared with the integration tests (which fail authentications from this
  // same loopback address on purpose): keys of this run's own, inherited by
  // the workers and any second instance.
  process.env.REDIS_KEY_PREFIX = `e2e-${randomBytes(6).toString("hex")}:`;
  const server = await startConsole(
    db.url,
    {
      NEXT_DIST_DIR: distDir,
      NEXTAUTH_SECRET: E2E_NEXTAUTH_SECRET,
      KEY_ENCRYPTION_KEY: process.env.E2E_KEY_ENCRYPTION_KEY,
      LOG_LEVEL: "debug",
      // Usage charts fill within a second or two.
      USAGE_FLUSH_SECONDS: "1",
      // The single sign-on tests run their OpenID providers on loopback ports (tests/support/oidc-provider.ts).
      SSO_ALLOW_PRIVATE_ISSUERS: "true",
      LEAK_SCANNER_KEYS_URL: "none",
      LEAK_SCANNER_PUBLIC_KEYS: scannerKeys,
    },
    { port, host: "localhost", logFile: SERVER_LOG },
  );

  return async () => {
    await server.stop();
    await db.dispose();
  };
}
