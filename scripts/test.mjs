// `npm test`: every runner of the project, then one summary line over all of
// them ("N passed, N failed, N skipped") for CI to count.
//   1. generate the Prisma client
//   2. make sure a Chromium exists (Debian's package as root, else Playwright's)
//   3. at the same time, each with its own database:
//      - unit + integration tests (vitest, real PostgreSQL)
//      - browser tests (Playwright, production build, real Chromium)
//      Much of the integration tier waits (on processes starting, on
//      timeouts it provokes, on PostgreSQL): the browser tier's work fills
//      those waits. Both use one production build (the first to need it
//      builds it, behind a lock; tests/support/console-process.ts). Each
//      runner's lines are prefixed with its name; TEST_SERIAL=1 runs them one
//      after the other instead.
//   4. alone, last: the vitest project `alone`, a bound in milliseconds that
//      the others' load would blur (vitest.config.ts).
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { chromiumExecutable, hasPreferredChromium } from "../tests/support/chromium.mjs";

const root = path.resolve(import.meta.dirname, "..");
const out = path.join(root, ".test-results");
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
process.env.NEXT_TELEMETRY_DISABLED = "1";

function run(cmd, args, env = {}) {
  console.log(`\n$ ${[cmd, ...args].join(" ")}`);
  return spawnSync(cmd, args, { cwd: root, stdio: "inherit", env: { ...process.env, ...env } }).status;
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return undefined;
  }
}

if (run(process.execPath, ["scripts/prisma-generate.mjs"]) !== 0) process.exit(1);
ensureChromium();

const totals = { passed: 0, failed: 0, skipped: 0 };
const add = (name, counts, status) => {
  // A runner that crashed before reporting counts as one failure.
  if (!counts) counts = { passed: 0, failed: 1, skipped: 0 };
  else if (status !== 0 && counts.failed === 0) counts.failed = 1;
  console.log(`[${name}] ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
  for (const k of Object.keys(totals)) totals[k] += counts[k];
};

const tiers = [];
const timed = async (name, fn) => {
  const started = performance.now();
  const result = await fn();
  tiers.push({ name, seconds: (performance.now() - started) / 1000 });
  return result;
};

/** NO_COLOR keeps the logs plain; Node warns when FORCE_COLOR is set beside it. */
function withoutForceColor(env) {
  const { FORCE_COLOR: _, ...rest } = env;
  return rest;
}

/** A runner in a child process, each of its output lines prefixed with `[name]`; resolves to its exit status. */
function runPrefixed(name, cmd, args, env = {}) {
  console.log(`\n[${name}] $ ${[cmd, ...args].join(" ")}`);
  const child = spawn(cmd, args, { cwd: root, stdio: ["ignore", "pipe", "pipe"], env: { ...withoutForceColor(process.env), NO_COLOR: "1", ...env } });
  for (const stream of [child.stdout, child.stderr]) {
    let rest = "";
    stream.setEncoding("utf8");
    stream.on("data", (chunk) => {
      const lines = (rest + chunk).split("\n");
      rest = lines.pop();
      for (const line of lines) console.log(`[${name}] ${line}`);
    });
    stream.on("end", () => rest && console.log(`[${name}] ${rest}`));
  }
  return new Promise((resolve) => child.on("close", (code) => resolve(code ?? 1)));
}

const vitestJson = path.join(out, "vitest.json");
const aloneJson = path.join(out, "vitest-alone.json");
const pwJson = path.join(out, "playwright.json");
const vitest = (name, projects, json) => () =>
  timed(name, () => runPrefixed(name.split(" ")[0], "npx", ["vitest", "run", ...projects.flatMap((p) => ["--project", p]), "--reporter=default", "--reporter=json", `--outputFile.json=${json}`]));
const runners = [
  vitest("vitest (unit, integration, faults)", ["fast", "processes"], vitestJson),
  () => timed("playwright (browser)", () => runPrefixed("playwright", "npx", ["playwright", "test"], { PLAYWRIGHT_JSON_OUTPUT_NAME: pwJson })),
];
const started = performance.now();
const [vitestStatus, pwStatus] = process.env.TEST_SERIAL
  ? [await runners[0](), await runners[1]()]
  : await Promise.all(runners.map((r) => r()));
const aloneStatus = await vitest("vitest-alone (timing bounds, nothing beside)", ["alone"], aloneJson)();
const wall = (performance.now() - started) / 1000;

const vitestCounts = (json, status, name) => {
  const v = readJson(json);
  add(name, v && { passed: v.numPassedTests, failed: v.numFailedTests, skipped: v.numPendingTests + v.numTodoTests }, status);
  return v;
};
const v = vitestCounts(vitestJson, vitestStatus, "vitest");
const alone = vitestCounts(aloneJson, aloneStatus, "vitest-alone");
const p = readJson(pwJson)?.stats;
add("playwright", p && { passed: p.expected + p.flaky, failed: p.unexpected, skipped: p.skipped }, pwStatus);

printTimes([v, alone], readJson(pwJson), wall);
console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed > 0 ? 1 : 0);

function ensureChromium() {
  if (hasPreferredChromium()) return;
  // Debian's headless shell (tests/support/chromium.mjs says why that one), as root.
  if (process.getuid?.() === 0 && existsSync("/usr/bin/apt-get")) {
    console.log("Chromium's headless shell not found: installing Debian's chromium-headless-shell package");
    const env = { DEBIAN_FRONTEND: "noninteractive" };
    const install = () => run("apt-get", ["install", "-y", "-qq", "chromium-headless-shell"], env) === 0;
    if ((install() || (run("apt-get", ["update", "-qq"], env) === 0 && install())) && hasPreferredChromium()) return;
  }
  if (chromiumExecutable()) return;
  console.log("Chromium not found: downloading Playwright's build");
  if (run("npx", ["playwright", "install", "chromium"]) !== 0) {
    console.error("Could not install a Chromium for the browser tests. Set CHROMIUM_PATH to one.");
    process.exit(1);
  }
}

/** Time per tier and the 20 slowest tests, so the next regression in the suite's time is visible. */
function printTimes(vitestRuns, playwright, wall) {
  const tests = [];
  for (const file of vitestRuns.flatMap((v) => v?.testResults ?? [])) {
    for (const t of file.assertionResults ?? []) {
      const failure = t.status === "failed" ? (t.failureMessages ?? [])[0] ?? "failed" : undefined;
      tests.push({ seconds: (t.duration ?? 0) / 1000, name: `${path.relative(root, file.name)} › ${t.title}`, failure });
    }
  }
  const walk = (suite, file) => {
    for (const spec of suite.specs ?? []) {
      for (const t of spec.tests ?? []) {
        const seconds = (t.results ?? []).reduce((sum, r) => sum + (r.duration ?? 0), 0) / 1000;
        const failure = t.status === "unexpected" ? (t.results ?? []).map((r) => r.error?.message).find(Boolean) ?? "failed" : undefined;
        tests.push({ seconds, name: `${spec.file ?? file} › ${spec.title}${t.projectName ? ` [${t.projectName}]` : ""}`, failure });
      }
    }
    for (const child of suite.suites ?? []) walk(child, suite.file ?? file);
  };
  for (const suite of playwright?.suites ?? []) walk(suite, suite.file);
  console.log(`\nTime per tier (vitest and playwright ${process.env.TEST_SERIAL ? "one after the other" : "side by side"}, then vitest-alone; ${wall.toFixed(0)} s in all):`);
  for (const t of tiers) console.log(`  ${t.seconds.toFixed(0).padStart(5)} s  ${t.name}`);
  console.log("Slowest tests:");
  for (const t of tests.sort((a, b) => b.seconds - a.seconds).slice(0, 20)) console.log(`  ${t.seconds.toFixed(1).padStart(6)} s  ${t.name}`);
  // The failures last, where a CI log's tail shows them: the test and the first lines of its error.
  const failed = tests.filter((t) => t.failure);
  if (failed.length === 0) return;
  console.log("Failed tests:");
  for (const t of failed) {
    console.log(`  ✘ ${t.name}`);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: strips terminal colour codes
    const lines = t.failure.replace(/\u001b\[[0-9;]*m/g, "").split("\n").filter((l) => l.trim()).slice(0, 4);
    for (const line of lines) console.log(`      ${line.slice(0, 200)}`);
  }
}
