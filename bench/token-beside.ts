// `npm run bench:token:beside -- <checkout>`: the token endpoint's fresh path
// (one process, RS256, a new signature per request) of this build beside the
// same path of another checkout's build, in one run: interleaved rounds, so
// the machine's noise hits both alike. For a change that should not move the
// token path (moving lib/oauth into packages/auth-server, say), the ratio
// should be within noise of 1.00x.
//
// The other checkout needs its own production build (`npm install && npm run
// build` there). Each console gets a database of its own (embedded
// PostgreSQL, or new databases on DATABASE_URL's server), so two schema
// versions never share one. Prints tokens per second and the servers' CPU
// per token (from /proc), for each and as ratios.
import path from "node:path";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import autocannon from "autocannon";
import { ensureProductionBuild, type RunningConsole, startConsole } from "@/tests/support/console-process";
import { startTestDatabase } from "@/tests/support/test-database";
import { cpuSeconds, loadAverage, processTree } from "./support/process-stats";
import { runMain } from "./support/run-main";
import { seedClients } from "./support/token-fixtures";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const CONNECTIONS = 16;

interface Side {
  name: string;
  console: RunningConsole;
  body: string;
  runs: { perSecond: number; cpuMsPerToken: number }[];
}

async function main() {
  const other = process.argv[2] ?? process.env.BENCH_BESIDE;
  if (!other || !existsSync(path.join(other, "dist/server/serve.js"))) {
    throw new Error("usage: npm run bench:token:beside -- <checkout with a production build (npm run build)>");
  }
  if (process.argv.includes("--no-build")) process.env.BENCH_REUSE_BUILD = "1";
  ensureProductionBuild();
  delete process.env.REDIS_URL;
  const env = {
    SIGNING_ALG: "RS256",
    TOKEN_REUSE_SECONDS: "0",
    RATE_LIMIT_CLIENT_POINTS: "1000000000",
    RATE_LIMIT_IP_POINTS: "1000000000",
    LOG_LEVEL: "warn",
  };
  const load = loadAverage();
  const databases = [await startTestDatabase("bench-here"), await startTestDatabase("bench-beside")];
  const sides: Side[] = [];
  try {
    for (const [i, [name, checkout]] of ([["this build", undefined], [`beside (${path.basename(path.resolve(other))})`, path.resolve(other)]] as const).entries()) {
      const db = databases[i]!;
      const c = await startConsole(db.url, { ...env, KEY_ENCRYPTION_KEY: randomBytes(32).toString("base64") }, { checkout });
      const [client] = await seedClients(db.url, 1);
      const first = await fetch(`${c.url}/oauth/token`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: client!.body });
      if (first.status !== 200) throw new Error(`${name} answered ${first.status}: ${await first.text()}`);
      sides.push({ name, console: c, body: client!.body, runs: [] });
    }
    for (const side of sides) await measure(side, 2); // warm-up
    for (let round = 0; round < ROUNDS; round++) {
      for (const side of round % 2 ? [...sides].reverse() : sides) side.runs.push(await measure(side, SECONDS));
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    console.log(`\n[bench] token endpoint fresh path, RS256, ${CONNECTIONS} connections, median of ${ROUNDS} interleaved ${SECONDS} s rounds (load before: ${load})`);
    const figures = sides.map((s) => ({
      name: s.name,
      perSecond: median(s.runs.map((r) => r.perSecond)),
      cpuMs: median(s.runs.map((r) => r.cpuMsPerToken)),
      spread: `${Math.round(Math.min(...s.runs.map((r) => r.perSecond)))}-${Math.round(Math.max(...s.runs.map((r) => r.perSecond)))}`,
    }));
    for (const f of figures) console.log(`  ${f.name.padEnd(28)} ${Math.round(f.perSecond).toString().padStart(6)} tokens/s (rounds ${f.spread})  ${f.cpuMs.toFixed(3)} ms CPU per token`);
    const [here, beside] = figures as [(typeof figures)[0], (typeof figures)[0]];
    console.log(`  this build / beside: ${(here.perSecond / beside.perSecond).toFixed(2)}x tokens/s, ${(here.cpuMs / beside.cpuMs).toFixed(2)}x CPU per token`);
  } finally {
    await Promise.all(sides.map((s) => s.console.stop()));
    await Promise.all(databases.map((d) => d.dispose()));
  }
}

async function measure(side: Side, seconds: number) {
  const pids = processTree(side.console.process.pid!);
  const cpu0 = cpuSeconds(pids);
  const t0 = performance.now();
  const r = await autocannon({
    url: `${side.console.url}/oauth/token`,
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: side.body,
    connections: CONNECTIONS,
    duration: seconds,
  });
  const wall = (performance.now() - t0) / 1000;
  const tokens = r["2xx"];
  if (r.non2xx + r.errors + r.timeouts > 0) throw new Error(`${side.name}: ${r.non2xx} non-2xx, ${r.errors} errors, ${r.timeouts} timeouts`);
  return { perSecond: tokens / wall, cpuMsPerToken: ((cpuSeconds(pids) - cpu0) * 1000) / tokens };
}

runMain(main);
