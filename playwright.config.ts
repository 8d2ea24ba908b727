import { defineConfig } from "@playwright/test";
import { chromiumLaunchOptions } from "./tests/support/chromium.mjs";

// One port for the whole run: chosen here in the main process, inherited by
// the workers through the environment.
process.env.E2E_PORT ??= String(40_000 + Math.floor(Math.random() * 20_000));
const baseURL = `http://localhost:${process.env.E2E_PORT}`;

export default defineConfig({
  testDir: "tests/e2e",
  testMatch: /.*\.e2e\.ts$/,
  globalSetup: "./tests/e2e/global-setup.ts",
  fullyParallel: true,
  // Two workers beside vitest's three (vitest.config.ts says why not more);
  // alone (`npx playwright test`), E2E_WORKERS=3 fills two cores better.
  workers: Number(process.env.E2E_WORKERS ?? 2),
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  forbidOnly: !!process.env.CI,
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [["list"], ["json"]] : [["list"]],
  use: {
    baseURL,
    // No trace by default: recording one (screencast frames and DOM
    // snapshots at every step) cost a quarter of the browser tier's CPU,
    // measured on the responsive and client-page tests (527 s against 386 s).
    // To debug a failure: E2E_TRACE=retain-on-failure, or `--trace on`.
    trace: (process.env.E2E_TRACE as "on" | "off" | "retain-on-failure" | undefined) ?? "off",
    screenshot: "only-on-failure",
    launchOptions: chromiumLaunchOptions(),
  },
  projects: [
    // The first-run set-up needs a database without users, so it runs first.
    { name: "first-run", testMatch: /first-run\.e2e\.ts$/ },
    { name: "console", testIgnore: /(first-run|leak-scan)\.e2e\.ts$/, dependencies: ["first-run"] },
    // Last: search the server's log, the database and the pages for any secret the others created.
    { name: "leak-scan", testMatch: /leak-scan\.e2e\.ts$/, dependencies: ["console"] },
  ],
});
