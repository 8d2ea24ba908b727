// Builds packages/token-client and packs it with `npm pack` into
// public/downloads/token-client.tgz, where the console serves it at
// <PUBLIC_URL>/downloads/token-client.tgz: the package is not published to the
// registry, and an unscoped name there could be anyone's. Run by `npm run
// build`, `npm run dev` and the browser tests' set-up.
import { execFileSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const pkg = path.join(root, "packages/token-client");
const target = path.join(root, "public/downloads");

execFileSync(path.join(root, "node_modules/.bin/tsc"), ["-p", pkg], { cwd: root, stdio: "inherit" });
chmodSync(path.join(pkg, "dist/cli.js"), 0o755);

const tmp = mkdtempSync(path.join(os.tmpdir(), "token-client-pack-"));
try {
  // --ignore-scripts: the package has none, and nothing else may run here.
  execFileSync("npm", ["pack", "--ignore-scripts", "--loglevel=warn", "--pack-destination", tmp], {
    cwd: pkg,
    stdio: ["ignore", "ignore", "inherit"],
  });
  const [file] = readdirSync(tmp).filter((f) => f.endsWith(".tgz"));
  if (!file) throw new Error("npm pack produced no tarball");
  mkdirSync(target, { recursive: true });
  renameSync(path.join(tmp, file), path.join(target, "token-client.tgz"));
  console.log(`token client packed: public/downloads/token-client.tgz (from ${file})`);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
