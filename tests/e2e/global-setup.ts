// Starts what the browser tests talk to: a fresh migrated database and the
// console's production build, served exactly as `npm start` serves it.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream, existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { startTestDatabase } from "../support/test-database";

const root = path.resolve(import.meta.dirname, "../..");
// The standard build folder: the same production build `npm start` serves.
const distDir = ".next";
const SERVER_LOG = path.join(root, "test-results", "e2e-server.log");

export default async function globalSetup() {
  const port = process.env.E2E_PORT!;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NEXT_DIST_DIR: distDir,
    NEXT_TELEMETRY_DISABLED: "1",
  };
  // The token client's tarball, served from public/downloads (as `npm run build` makes it).
  const pack = spawnSync(process.execPath, ["scripts/pack-token-client.mjs"], { cwd: root, env, stdio: "inherit" });
  if (pack.status !== 0) throw new Error("packing the token client failed");
  if (!(process.env.E2E_REUSE_BUILD && existsSync(path.join(root, distDir, "BUILD_ID")))) {
    const build = spawnSync("npx", ["next", "build"], { cwd: root, env, stdio: "inherit" });
    if (build.status !== 0) throw new Error("next build failed");
  }

  const db = await startTestDatabase("e2e");
  process.env.E2E_DATABASE_URL = db.url;
  const server = spawn(path.join(root, "node_modules/.bin/tsx"), ["scripts/serve.ts", "start"], {
    cwd: root,
    env: {
      ...env,
      DATABASE_URL: db.url,
      PORT: port,
      PUBLIC_URL: `http://localhost:${port}`,
      NEXTAUTH_URL: `http://localhost:${port}`,
      NEXTAUTH_SECRET: "e2e-secret-e2e-secret-e2e-secret-e2e-secret",
      KEY_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
      LOG_LEVEL: "debug",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  // Everything the server prints, at the most verbose level, goes to a file
  // that the leak scan (tests/e2e/leak-scan.e2e.ts) searches afterwards.
  mkdirSync(path.dirname(SERVER_LOG), { recursive: true });
  const log = createWriteStream(SERVER_LOG);
  const output: string[] = [];
  for (const stream of [server.stdout!, server.stderr!]) {
    stream.on("data", (d) => {
      output.push(String(d));
      log.write(d);
    });
  }
  process.env.E2E_SERVER_LOG = SERVER_LOG;
  await waitUntilReady(server, `http://localhost:${port}/api/auth/csrf`, output);

  return async () => {
    await stop(server);
    await db.dispose();
  };
}

async function waitUntilReady(server: ChildProcess, url: string, output: string[]) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`console exited early:\n${output.join("")}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  server.kill("SIGKILL");
  throw new Error(`console did not become ready:\n${output.join("")}`);
}

function stop(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => server.kill("SIGKILL"), 10_000);
    server.once("exit", () => (clearTimeout(timer), resolve()));
    server.kill("SIGTERM");
  });
}
