// The one launcher for a console process, used by the browser tests' global
// set-up, the fault tests and the benchmarks: a production build (built at
// most once at a time, behind a lock), then the compiled `scripts/serve.ts
// start` (dist/server/serve.js, as `npm start` runs it) in a child process, ready when it answers, stopped
// with SIGTERM (SIGKILL after 10 s).
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { freePort } from "@/lib/db/embedded";

export const root = path.resolve(import.meta.dirname, "../..");

/**
 * The one production build of a test run, shared by the browser tests and
 * every integration test that starts a console: built once, and again only
 * when a source file is newer (freshProductionBuild).
 */
export const TEST_DIST_DIR = ".next-faults";

/**
 * `next build` into `distDir` (default .next), unless `reuse` is set and a
 * build exists there (BENCH_REUSE_BUILD, E2E_REUSE_BUILD).
 */
export function ensureProductionBuild(opts: { distDir?: string; reuse?: boolean; generate?: boolean } = {}) {
  const distDir = opts.distDir ?? process.env.NEXT_DIST_DIR ?? ".next";
  if ((opts.reuse ?? !!process.env.BENCH_REUSE_BUILD) && existsSync(path.join(root, distDir, "BUILD_ID"))) {
    return;
  }
  if (opts.generate ?? true) spawnSync(process.execPath, ["scripts/prisma-generate.mjs"], { cwd: root, stdio: "inherit" });
  const res = keepingTsconfig(() =>
    spawnSync("npx", ["next", "build"], {
      cwd: root,
      stdio: ["ignore", "ignore", "inherit"],
      env: { ...process.env, NEXT_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: "1" },
    }),
  );
  if (res.status !== 0) throw new Error("next build failed");
}

// Building into another dist dir makes Next add it to tsconfig.json (and may
// touch next-env.d.ts): put both back byte for byte.
function snapshotTsconfig(): () => void {
  const files = ["tsconfig.json", "next-env.d.ts"].map((f) => path.join(root, f));
  const before = files.map((f) => (existsSync(f) ? readFileSync(f) : undefined));
  return () =>
    files.forEach((f, i) => {
      const b = before[i];
      if (b && !readFileSync(f).equals(b)) writeFileSync(f, b);
    });
}

function keepingTsconfig<T>(fn: () => T): T {
  const restore = snapshotTsconfig();
  try {
    return fn();
  } finally {
    restore();
  }
}

const SOURCES = ["app", "components", "lib", "proxy.ts", "next.config.js", "postcss.config.mjs", "package-lock.json"];

function newestSourceMtime(): number {
  let newest = 0;
  const visit = (p: string) => {
    const st = statSync(p, { throwIfNoEntry: false });
    if (!st) return;
    if (st.isDirectory()) for (const e of readdirSync(p)) visit(path.join(p, e));
    else newest = Math.max(newest, st.mtimeMs);
  };
  for (const s of SOURCES) visit(path.join(root, s));
  return newest;
}

// A build is complete when this file exists in its folder: written by the
// build's own shell after `next build` exits 0, so a build whose test file
// timed out (and whose Node process went away) still completes it, and a build
// cut off half-way never looks fresh (Next writes BUILD_ID before the end).
const COMPLETE = ".build-complete";

function isFresh(distDir: string): boolean {
  const done = statSync(path.join(root, distDir, COMPLETE), { throwIfNoEntry: false });
  return !!done && done.mtimeMs > newestSourceMtime();
}

/** The PID of the build holding the lock, if it is still running. */
function lockHolderAlive(lock: string): boolean {
  let pid: number;
  try {
    pid = Number(readFileSync(path.join(lock, "pid"), "utf8").trim());
  } catch {
    // Just created, PID not written yet; a lock without one for a minute was abandoned.
    const st = statSync(lock, { throwIfNoEntry: false });
    return !!st && Date.now() - st.mtimeMs < 60_000;
  }
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * A production build in `distDir` that is newer than every source file,
 * built at most once however many test files ask at the same time (a lock
 * directory holding the build's PID; waiters wait as long as that build
 * runs). Does not regenerate the Prisma client: tests run after that.
 */
export async function freshProductionBuild(distDir: string): Promise<void> {
  const lock = path.join(root, `${distDir}.lock`);
  const deadline = Date.now() + 15 * 60_000;
  for (;;) {
    if (isFresh(distDir)) return;
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (!existsSync(lock)) continue;
      if (!lockHolderAlive(lock)) rmSync(lock, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${lock}`);
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  try {
    if (isFresh(distDir)) return;
    const complete = path.join(root, distDir, COMPLETE);
    rmSync(complete, { force: true });
    const output: string[] = [];
    const restore = snapshotTsconfig();
    const status = await new Promise<number | null>((resolve) => {
      const child = spawn("sh", ["-c", '"$0" build && touch "$1"', path.join(root, "node_modules/.bin/next"), complete], {
        cwd: root,
        stdio: ["ignore", "pipe", "pipe"],
        env: { ...process.env, NODE_ENV: "production", NEXT_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: "1" },
      });
      writeFileSync(path.join(lock, "pid"), String(child.pid));
      child.stdout!.on("data", (d) => output.push(String(d)));
      child.stderr!.on("data", (d) => output.push(String(d)));
      child.on("exit", (code) => resolve(code));
    }).finally(restore);
    if (status !== 0) throw new Error(`next build failed:\n${output.join("").slice(-4000)}`);
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

let compiled = false;
/**
 * `npm run build`'s last step (scripts/build-server.mjs), once per test
 * process: about a second, and safe beside other processes doing the same
 * (each file is renamed into place whole).
 */
export function compileServerOnce() {
  if (compiled) return;
  const res = spawnSync(process.execPath, ["scripts/build-server.mjs"], { cwd: root, stdio: ["ignore", "ignore", "inherit"] });
  if (res.status !== 0) throw new Error("compiling the server (scripts/build-server.mjs) failed");
  compiled = true;
}

export interface RunningConsole {
  url: string;
  process: ChildProcess;
  /** Everything it printed so far (stdout and stderr). */
  output: string[];
  stop(): Promise<void>;
}

export interface LaunchOptions {
  /** Flags for the server's node (e.g. --cpu-prof, which NODE_OPTIONS does not allow). */
  nodeArgs?: string[];
  /** Default: a free port. */
  port?: number;
  /** The host in its URL; default 127.0.0.1. */
  host?: string;
  /** Also write everything it prints to this file. */
  logFile?: string;
  /** `tokens`: a token-only instance (`npm run start:tokens`), ready once /healthz answers. Default: the console. */
  mode?: "start" | "tokens";
  /** Another checkout to run, with its own production build (a benchmark's "before"). Default: this one. */
  checkout?: string;
}

export async function startConsole(
  databaseUrl: string,
  env: Record<string, string | undefined> = {},
  opts: LaunchOptions = {},
): Promise<RunningConsole> {
  const port = opts.port ?? (await freePort());
  const url = `http://${opts.host ?? "127.0.0.1"}:${port}`;
  // The compiled server, as `npm start` runs it: plain node, no TypeScript loader.
  if (!opts.checkout) compileServerOnce();
  const child = spawn(process.execPath, [...(opts.nodeArgs ?? []), "dist/server/serve.js", opts.mode ?? "start"], {
    cwd: opts.checkout ?? root,
    env: {
      ...process.env,
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      PUBLIC_URL: url,
      NEXTAUTH_URL: url,
      NEXTAUTH_SECRET: "test-secret-test-secret-test-secret-0000",
      KEY_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
      // Start-up lines (callers wait for "ready on ..."), no per-request lines.
      LOG_LEVEL: "info",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output: string[] = [];
  const log = opts.logFile ? (mkdirSync(path.dirname(opts.logFile), { recursive: true }), createWriteStream(opts.logFile)) : undefined;
  for (const stream of [child.stdout!, child.stderr!]) {
    stream.on("data", (d) => {
      output.push(String(d));
      log?.write(d);
    });
  }
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`console exited:\n${output.join("")}`);
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`console did not start:\n${output.join("")}`);
    }
    try {
      if ((await fetch(`${url}${opts.mode === "tokens" ? "/healthz" : "/api/auth/csrf"}`)).ok) break;
    } catch {
      // not yet listening
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    process: child,
    output,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
        setTimeout(() => child.kill("SIGKILL"), 10_000).unref();
      }),
  };
}

/** Signs in through next-auth and returns the session cookie header. */
export async function signInCookie(url: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${url}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookies = csrf.headers.getSetCookie().map((c) => c.split(";")[0]);
  const res = await fetch(`${url}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookies.join("; ") },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  const session = res.headers.getSetCookie().find((c) => c.includes("next-auth.session-token="));
  if (!session) throw new Error(`sign-in failed (${res.status})`);
  return session.split(";")[0]!;
}
