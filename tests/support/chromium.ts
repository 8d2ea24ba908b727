// Which Chromium the browser tests drive: CHROMIUM_PATH, else Debian's
// /usr/bin/chromium, else Playwright's own download (`npx playwright install chromium`).
import { existsSync } from "node:fs";

export const SYSTEM_CHROMIUM = ["/usr/bin/chromium", "/usr/bin/chromium-browser"];

export function chromiumExecutable(): string | undefined {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  return SYSTEM_CHROMIUM.find((p) => existsSync(p));
}

export function chromiumLaunchOptions() {
  const executablePath = chromiumExecutable();
  return {
    executablePath,
    // Flags that keep Chromium from reaching for the network on closed machines.
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
