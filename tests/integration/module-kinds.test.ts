// Which modules may run where, checked on the import graph (static imports
// and dynamic import() with a literal path; `import type` is erased and
// ignored). Three kinds of module, one rule each (docs/architecture.md, "Module kinds"):
//
//  - server-only: opens with `import "server-only"`. Required of every lib
//    module that uses Next.js's request APIs (next/headers, next/cache,
//    next/navigation) or imports a server-only module, so the marker is
//    never missing where it matters.
//  - plain Node: everything the entry points in scripts/ load (start-up, key
//    rotation). Nothing server-only and no Next.js request API in that graph.
//  - client-safe: everything a "use client" module loads (a "use server"
//    module is a boundary: the client gets a reference, not the code).
//    Nothing server-only, and no database or Node built-in in that graph.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
const SKIP = new Set(["node_modules", "generated", ".data", "test-results"]);

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIP.has(entry.name) && !entry.name.startsWith(".")) sourceFiles(rel, out);
    } else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) && !entry.name.endsWith(".d.ts")) {
      out.push(rel);
    }
  }
  return out;
}

const files = [...["app", "components", "lib", "scripts"].flatMap((d) => sourceFiles(d)), "proxy.ts"];
const source = new Map(files.map((f) => [f, readFileSync(path.join(root, f), "utf8")]));

const IMPORT = /(?:^|\n)\s*(?:import|export)\s+(type\s+)?(?:[^"';]*?\sfrom\s+)?["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;

/** Module specifiers a file loads at run time. */
function specifiers(file: string): string[] {
  const out: string[] = [];
  for (const m of source.get(file)!.matchAll(IMPORT)) if (!m[1]) out.push((m[2] ?? m[3])!);
  return out;
}

function resolveLocal(from: string, spec: string): string | undefined {
  const base = spec.startsWith("@/") ? spec.slice(2) : spec.startsWith(".") ? path.join(path.dirname(from), spec) : undefined;
  if (base === undefined) return undefined;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts")]) {
    if (source.has(path.normalize(candidate)) && statSync(path.join(root, candidate)).isFile()) return path.normalize(candidate);
  }
  return undefined;
}

const directive = (file: string, name: string) => new RegExp(`^\\s*(//[^\\n]*\\n\\s*)*["']${name}["']`).test(source.get(file)!);
const isServerOnly = (file: string) => specifiers(file).includes("server-only");
const usesNextRequestApi = (file: string) => specifiers(file).some((s) => /^next\/(headers|cache|navigation)$/.test(s));

/** Every module reachable from `roots`, not entering `boundary` modules' imports. */
function reachable(roots: string[], boundary: (f: string) => boolean = () => false): Set<string> {
  const seen = new Set<string>();
  const stack = [...roots];
  while (stack.length) {
    const f = stack.pop()!;
    if (seen.has(f)) continue;
    seen.add(f);
    if (boundary(f) && !roots.includes(f)) continue;
    for (const s of specifiers(f)) {
      const dep = resolveLocal(f, s);
      if (dep) stack.push(dep);
    }
  }
  return seen;
}

/**
 * lib/oauth in request order: each layer imports only from its own layer or
 * the ones below it (type-only imports included: they are the direction a
 * reader follows too). Listed top-down, as docs/authorization-server.md does.
 */
const OAUTH_LAYERS = [
  ["lib/oauth/node-adapter.ts"],
  ["lib/oauth/runtime.ts", "lib/oauth/shared-runtime.ts"],
  ["lib/oauth/router.ts"],
  ["lib/oauth/endpoints/", "lib/oauth/resource/"],
  ["lib/oauth/token/", "lib/oauth/clients/"],
  ["lib/oauth/rate-limit/", "lib/oauth/keys/"],
  ["lib/oauth/protocol/", "lib/oauth/settings.ts", "lib/oauth/store/"],
];
const oauthLayer = (f: string) => OAUTH_LAYERS.findIndex((prefixes) => prefixes.some((p) => f.startsWith(p)));

describe("lib/oauth reads in request order", () => {
  it("every module has a layer, and every import points down or across", () => {
    const modules = files.filter((f) => f.startsWith("lib/oauth/"));
    expect(modules.filter((f) => oauthLayer(f) === -1)).toEqual([]);
    const upward: string[] = [];
    for (const f of modules) {
      for (const m of source.get(f)!.matchAll(IMPORT)) {
        const dep = resolveLocal(f, (m[2] ?? m[3])!);
        if (dep?.startsWith("lib/oauth/") && oauthLayer(dep) < oauthLayer(f)) upward.push(`${f} -> ${dep}`);
      }
    }
    expect(upward).toEqual([]);
  });
});

describe("module kinds", () => {
  it("the scanner sees the graph (a sanity check on the test itself)", () => {
    expect(files.length).toBeGreaterThan(100);
    expect(isServerOnly("lib/auth/session.ts")).toBe(true);
    expect(reachable(["scripts/serve.ts"]).has("lib/oauth/runtime.ts")).toBe(true);
  });

  it("lib modules that use Next.js request APIs or server-only modules are marked server-only", () => {
    const unmarked = files
      .filter((f) => f.startsWith("lib/") && !isServerOnly(f))
      .filter((f) => usesNextRequestApi(f) || specifiers(f).some((s) => {
        const dep = resolveLocal(f, s);
        return dep !== undefined && isServerOnly(dep);
      }));
    expect(unmarked).toEqual([]);
  });

  it("the plain Node entry points (scripts/) load nothing server-only and no Next.js request API", () => {
    const graph = reachable(files.filter((f) => f.startsWith("scripts/")));
    expect([...graph].filter((f) => isServerOnly(f) || usesNextRequestApi(f))).toEqual([]);
  });

  it("components never import from app/: pages hand them their actions as props", () => {
    const importsApp = files
      .filter((f) => f.startsWith("components/"))
      .filter((f) => [...source.get(f)!.matchAll(IMPORT)].some((m) => /^@\/app\//.test((m[2] ?? m[3])!)));
    expect(importsApp).toEqual([]);
  });

  it("client components load nothing server-only, no database and no Node built-in", () => {
    const clientRoots = files.filter((f) => directive(f, "use client"));
    expect(clientRoots.length).toBeGreaterThan(10);
    const graph = reachable(clientRoots, (f) => directive(f, "use server"));
    const bad = [...graph]
      .filter((f) => !directive(f, "use server"))
      .filter((f) => isServerOnly(f) || specifiers(f).some((s) => /^(node:|pg$|@prisma\/|ioredis$)|^@\/lib\/(db|generated)\//.test(s)));
    expect(bad).toEqual([]);
  });
});
