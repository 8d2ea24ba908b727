// Which Chromium the browser tests drive: CHROMIUM_PATH, else Debian's
// headless shell, else Debian's full Chromium, else Playwright's own download
// (`npx playwright install chromium`, the usual path on a machine with
// internet access).
//
// The headless shell first: it is the build Playwright itself runs headless
// tests in (Blink without the browser's UI), and it costs far less CPU than
// the full browser in headless mode. Debian's /usr/bin/chromium wrapper also
// adds flags of its own (/etc/chromium.d: GPU rasterization, extensions),
// each of which the suite pays for in every page. The shell is started
// directly, without a wrapper.
import { existsSync } from "node:fs";

const SYSTEM_CHROMIUM = [
  "/usr/lib/chromium/chromium-headless-shell",
  "/usr/bin/chromium-headless-shell",
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
];

/** @returns {string | undefined} */
export function chromiumExecutable() {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  return SYSTEM_CHROMIUM.find((p) => existsSync(p));
}

/** Whether the preferred build (the headless shell) is there, or one was chosen by CHROMIUM_PATH. */
export function hasPreferredChromium() {
  return Boolean(process.env.CHROMIUM_PATH) || SYSTEM_CHROMIUM.slice(0, 2).some((p) => existsSync(p));
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
