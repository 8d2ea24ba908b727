// Another console process on the browser tests' database, the way a second
// instance runs behind a load balancer: same build, same database, same
// key-encryption key, its own port.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { freePort } from "../../../lib/db/embedded";

const root = path.resolve(import.meta.dirname, "../../..");

export interface Instance {
  url: string;
  stop(): Promise<void>;
}

export async function startSecondInstance(): Promise<Instance> {
  const port = await freePort();
  const url = `http://localhost:${port}`;
  const child: ChildProcess = spawn(path.join(root, "node_modules/.bin/tsx"), ["scripts/serve.ts", "start"], {
    cwd: root,
    env: {
      ...process.env,
      NEXT_DIST_DIR: ".next",
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: process.env.E2E_DATABASE_URL,
      PORT: String(port),
      // The same public URL as the first instance: one console behind one address.
      PUBLIC_URL: `http://localhost:${process.env.E2E_PORT}`,
      NEXTAUTH_URL: `http://localhost:${process.env.E2E_PORT}`,
      NEXTAUTH_SECRET: "e2e-secret-e2e-secret-e2e-secret-e2e-secret",
      KEY_ENCRYPTION_KEY: process.env.E2E_KEY_ENCRYPTION_KEY,
      LOG_LEVEL: "warn",
      USAGE_FLUSH_SECONDS: "1",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output: string[] = [];
  child.stdout!.on("data", (d) => output.push(String(d)));
  child.stderr!.on("data", (d) => output.push(String(d)));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`second instance exited:\n${output.join("")}`);
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`second instance did not start:\n${output.join("")}`);
    }
    try {
      if ((await fetch(`${url}/readyz`)).ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
        child.once("exit", () => (clearTimeout(timer), resolve()));
        child.kill("SIGTERM");
      }),
  };
}
