// `npm run keys:rotate` and `npm run account:recover`: the operations
// commands, from their TypeScript sources in a development install (where tsx
// is installed, so a command never runs older code than the checkout's), or
// compiled (dist/server/<name>.js, from `npm run build`) in a production
// install, which has no TypeScript loader.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const [name, ...args] = process.argv.slice(2);

function hasTsx() {
  try {
    createRequire(path.join(root, "package.json")).resolve("tsx");
    return true;
  } catch {
    return false;
  }
}

const compiled = path.join(root, "dist", "server", `${name}.js`);
const argv = hasTsx() ? ["--import", "tsx", path.join(root, "scripts", `${name}.ts`), ...args] : [compiled, ...args];
if (!hasTsx() && !existsSync(compiled)) {
  console.error(`${path.relative(root, compiled)} is missing: run \`npm run build\` first.`);
  process.exit(1);
}
const res = spawnSync(process.execPath, argv, { cwd: root, stdio: "inherit" });
process.exit(res.status ?? 1);
