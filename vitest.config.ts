import path from "node:path";
import { defineConfig } from "vitest/config";
import { BaseSequencer, type TestSpecification } from "vitest/node";

const ALL = ["lib/**/*.test.ts", "packages/*/tests/**/*.test.ts", "tests/integration/**/*.test.ts", "scripts/**/*.test.ts"];
/**
 * The tests that build the console or start its processes (the production
 * build, the image's build steps, real servers under faults): the project
 * `processes`. Everything else is the project `fast` (`npm run test:fast`).
 */
/**
 * A latency bound measured against the machine's clock (the token path's p99
 * during exports): `npm test` runs it after everything else, alone, as
 * `--project alone`; a plain `npx vitest run` runs it with the rest.
 */
const ALONE = ["tests/integration/faults/export-load.test.ts"];
const PROCESSES = [
  "tests/integration/faults/**/*.test.ts",
  "tests/integration/deploy/image-build-steps.test.ts",
  "tests/integration/ops/logging.test.ts",
  "tests/integration/ops/tracing.test.ts",
  "tests/integration/ops/token-only-instance.test.ts",
];

/** The image's build steps (a clean `npm ci` and `next build`) take the longest of all: first, so that they are not the run's tail. */
const FIRST = "tests/integration/deploy/image-build-steps.test.ts";
class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]) {
    const sorted = await super.sort(files);
    const first = (f: TestSpecification) => f.moduleId.endsWith(FIRST);
    return [...sorted.filter(first), ...sorted.filter((f) => !first(f))];
  }
}

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // `server-only` throws outside React Server Components; tests run domain code directly.
      "server-only": path.resolve(import.meta.dirname, "tests/support/empty.ts"),
    },
  },
  test: {
    globalSetup: ["tests/support/vitest-global-setup.ts"],
    setupFiles: ["tests/support/vitest-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    // Test files in parallel, each on its own data in the one test database:
    // much of an integration test is waiting (on PostgreSQL, on a process
    // starting, on a timeout it provokes), so three files keep two cores
    // busy beside the browser tests. Four (with three browser workers) kept
    // the load average at 15-20 on a slower machine of this kind, and the
    // latency-bound tests (sign-in floods, outages, 50 parallel creations)
    // then missed their bounds: no faster in all, since both were CPU-bound.
    maxWorkers: Number(process.env.VITEST_MAX_WORKERS ?? 3),
    sequence: { sequencer: LongestFirst },
    projects: [
      { extends: true, test: { name: "fast", include: ALL, exclude: PROCESSES } },
      { extends: true, test: { name: "processes", include: PROCESSES, exclude: ALONE } },
      { extends: true, test: { name: "alone", include: ALONE } },
    ],
  },
});
