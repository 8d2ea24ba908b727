// `npm run bench`: every benchmark, one after the other, on one production build.
import { execFileSync } from "node:child_process";
import { ensureProductionBuild } from "@/tests/support/console-process";

ensureProductionBuild();
const benches = ["bench/api-tab.ts", "bench/admin-api.ts", "bench/token.ts"];
let failed = 0;
for (const bench of benches) {
  console.log(`\n=== ${bench} ===`);
  try {
    execFileSync(process.execPath, ["--import", "tsx", bench], {
      stdio: "inherit",
      env: { ...process.env, BENCH_REUSE_BUILD: "1" },
    });
  } catch {
    failed++;
  }
}
process.exitCode = failed ? 1 : 0;
