// The server's own code, compiled: `npm run build` runs this after `next
// build`, so `npm start`, `npm run start:tokens` and the operations commands
// run plain `node` on JavaScript, with no TypeScript loader at run time.
//
// One ES module per command in dist/server/, with the project's code bundled
// in (the workspace packages too: they ship TypeScript sources) and every
// npm package left to node_modules (what a production install keeps). One file each, not chunks: a running server never loads a file
// after start-up that a later build could have replaced, and each file is
// written beside its final name and renamed over it, so test files that start
// consoles at the same moment can all compile first.
import { randomBytes } from "node:crypto";
import { mkdirSync, renameSync } from "node:fs";
import path from "node:path";
import { build } from "esbuild";

const root = path.resolve(import.meta.dirname, "..");
export const SERVER_ENTRIES = ["serve", "rotate-signing-key", "recover-account"];
const outDir = path.join(root, "dist", "server");

/** The project's own packages (packages/*), compiled in like the rest of its code. */
const WORKSPACE_PACKAGE = /^@cluster-console\/(auth-server|credentials)(\/|$)/;

/** Every other bare import (npm packages, Node built-ins) stays an import. */
const npmPackagesExternal = {
  name: "npm-packages-external",
  setup(b) {
    // esbuild's filters are Go regular expressions (no lookahead): decide inside.
    b.onResolve({ filter: /.*/ }, (args) => {
      if (args.kind === "entry-point" || /^(\.|\/|@\/)/.test(args.path) || WORKSPACE_PACKAGE.test(args.path)) return undefined;
      return { path: args.path, external: true };
    });
  },
};

export async function buildServer() {
  mkdirSync(outDir, { recursive: true });
  await Promise.all(
    SERVER_ENTRIES.map(async (name) => {
      const final = path.join(outDir, `${name}.js`);
      const temporary = `${final}.${randomBytes(4).toString("hex")}.tmp`;
      await build({
        entryPoints: [path.join(root, "scripts", `${name}.ts`)],
        outfile: temporary,
        bundle: true,
        platform: "node",
        format: "esm",
        target: "node20",
        plugins: [npmPackagesExternal],
        alias: { "@": root },
        logLevel: "warning",
        legalComments: "none",
      });
      renameSync(temporary, final);
    }),
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const started = performance.now();
  await buildServer();
  console.log(`server compiled: dist/server/{${SERVER_ENTRIES.join(",")}}.js in ${Math.round(performance.now() - started)} ms`);
}
