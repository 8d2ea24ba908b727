// The running console's version: package.json's `version`, read once from the
// working directory (the checkout, or the image's /app). Shown in /healthz,
// the page footer and the `console_build_info` metric, so an operator can
// tell which release answers.
import { readFileSync } from "node:fs";
import path from "node:path";

let version: string | undefined;

export function consoleVersion(): string {
  if (version === undefined) {
    try {
      const pkg = JSON.parse(readFileSync(path.join(process.cwd(), "package.json"), "utf8")) as { version?: unknown };
      version = typeof pkg.version === "string" ? pkg.version : "unknown";
    } catch {
      version = "unknown";
    }
  }
  return version;
}
