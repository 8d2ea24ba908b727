// `npm test`: every runner of the project, then one summary line over all of
// them ("N passed, N failed, N skipped") for CI to count.
//   1. generate the Prisma client
//   2. make sure a Chromium exists (Debian's package as root, else Playwright's)
//   3. unit + integration tests (vitest, real PostgreSQL)
//   4. browser tests (Playwright, production build, real Chromium)
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { chromiumExecutable } from "../tests/support/chromium.mjs";

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
const timed = (name, fn) => {
  const started = performance.now();
  const result = fn();
  tiers.push({ name, seconds: (performance.now() - started) / 1000 });
  return result;
};

const vitestJson = path.join(out, "vitest.json");
const vitestStatus = timed("vitest (unit, integration, faults)", () => run("npx", ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${vitestJson}`]));
const v = readJson(vitestJson);
add(
  "vitest",
  v && { passed: v.numPassedTests, failed: v.numFailedTests, skipped: v.numPendingTests + v.numTodoTests },
  vitestStatus,
);

const pwJson = path.join(out, "playwright.json");
const pwStatus = timed("playwright (browser)", () => run("npx", ["playwright", "test"], { PLAYWRIGHT_JSON_OUTPUT_NAME: pwJson }));
const p = readJson(pwJson)?.stats;
add("playwright", p && { passed: p.expected + p.flaky, failed: p.unexpected, skipped: p.skipped }, pwStatus);

printTimes(v, readJson(pwJson));
console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed > 0 ? 1 : 0);

function ensureChromium() {
  if (chromiumExecutable()) return;
  if (process.getuid?.() === 0 && existsSync("/usr/bin/apt-get")) {
    console.log("Chromium not found: installing Debian's chromium package");
    const env = { DEBIAN_FRONTEND: "noninteractive" };
    if (run("apt-get", ["update", "-qq"], env) === 0 && run("apt-get", ["install", "-y", "-qq", "chromium"], env) === 0) {
      if (chromiumExecutable()) return;
    }
  }
  console.log("Chromium not found: downloading Playwright's build");
  if (run("npx", ["playwright", "install", "chromium"]) !== 0) {
    console.error("Could not install a Chromium for the browser tests. Set CHROMIUM_PATH to one.");
    process.exit(1);
  }
}

/** Time per tier and the 20 slowest tests, so the next regression in the suite's time is visible. */
function printTimes(vitest, playwright) {
  const tests = [];
  for (const file of vitest?.testResults ?? []) {
    for (const t of file.assertionResults ?? []) {
      tests.push({ seconds: (t.duration ?? 0) / 1000, name: `${path.relative(root, file.name)} › ${t.title}` });
    }
  }
  const walk = (suite, file) => {
    for (const spec of suite.specs ?? []) {
      for (const t of spec.tests ?? []) {
        const seconds = (t.results ?? []).reduce((sum, r) => sum + (r.duration ?? 0), 0) / 1000;
        tests.push({ seconds, name: `${spec.file ?? file} › ${spec.title}${t.projectName ? ` [${t.projectName}]` : ""}` });
      }
    }
    for (const child of suite.suites ?? []) walk(child, suite.file ?? file);
  };
  for (const suite of playwright?.suites ?? []) walk(suite, suite.file);
  console.log("\nTime per tier:");
  for (const t of tiers) console.log(`  ${t.seconds.toFixed(0).padStart(5)} s  ${t.name}`);
  console.log("Slowest tests:");
  for (const t of tests.sort((a, b) => b.seconds - a.seconds).slice(0, 20)) console.log(`  ${t.seconds.toFixed(1).padStart(6)} s  ${t.name}`);
}
