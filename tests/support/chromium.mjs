// Which Chromium the browser tests drive: CHROMIUM_PATH, else Debian's
// /usr/bin/chromium, else Playwright's own download (`npx playwright install
// chromium`, the usual path on a machine with internet access).
import { existsSync } from "node:fs";

const SYSTEM_CHROMIUM = ["/usr/bin/chromium", "/usr/bin/chromium-browser"];

/** @returns {string | undefined} */
export function chromiumExecutable() {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  return SYSTEM_CHROMIUM.find((p) => existsSync(p));
}

export function chromiumLaunchOptions() {
  return {
    executablePath: chromiumExecutable(),
    // Keep Chromium from reaching for the network on closed machines.
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  };
}
