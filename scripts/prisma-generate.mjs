// Generates the Prisma client into lib/generated/prisma when the schema has
// changed since the last run. The Prisma 7 CLI insists on a schema-engine
// binary it would download; `generate` never runs it, so any existing file
// satisfies the check on machines without network access.
import { createHash } from "node:crypto";
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const schema = readFileSync(path.join(root, "prisma/schema.prisma"));
const pkg = readFileSync(path.join(root, "node_modules/prisma/package.json"));
const stamp = createHash("sha256").update(schema).update(pkg).digest("hex");
const stampFile = path.join(root, "lib/generated/prisma/.schema-hash");

if (existsSync(stampFile) && readFileSync(stampFile, "utf8") === stamp) process.exit(0);

const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1", CHECKPOINT_DISABLE: "1" };
if (!env.PRISMA_SCHEMA_ENGINE_BINARY) env.PRISMA_SCHEMA_ENGINE_BINARY = path.join(root, "package.json");
try {
  execFileSync(process.execPath, [path.join(root, "node_modules/prisma/build/index.js"), "generate"], {
    cwd: root,
    env,
    stdio: "pipe",
  });
} catch (err) {
  process.stderr.write(String(err.stdout ?? "") + String(err.stderr ?? ""));
  process.exit(1);
}
writeFileSync(stampFile, stamp);
