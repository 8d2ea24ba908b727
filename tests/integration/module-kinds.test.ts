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

const files = [
  ...["app", "components", "lib", "scripts", "packages/auth-server/src", "packages/credentials/src"].flatMap((d) => sourceFiles(d)),
  "proxy.ts",
];
const source = new Map(files.map((f) => [f, readFileSync(path.join(root, f), "utf8")]));

const IMPORT = /(?:^|\n)\s*(?:import|export)\s+(type\s+)?(?:[^"';]*?\sfrom\s+)?["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;

/** Module specifiers a file loads at run time. */
function specifiers(file: string): string[] {
  const out: string[] = [];
  for (const m of source.get(file)!.matchAll(IMPORT)) if (!m[1]) out.push((m[2] ?? m[3])!);
  return out;
}

/** The workspace packages' entry points, as their package.json `exports` name them. */
const PACKAGE_ENTRIES: Record<string, string> = {
  "@cluster-console/credentials": "packages/credentials/src/index.ts",
  "@cluster-console/credentials/secrets": "packages/credentials/src/secrets.ts",
  "@cluster-console/credentials/sealing": "packages/credentials/src/sealing.ts",
  "@cluster-console/auth-server": "packages/auth-server/src/index.ts",
  "@cluster-console/auth-server/testing": "packages/auth-server/src/testing.ts",
};

function resolveLocal(from: string, spec: string): string | undefined {
  if (PACKAGE_ENTRIES[spec]) return PACKAGE_ENTRIES[spec];
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
 * The authorization server in request order: each layer imports only from its
 * own layer or the ones below it (type-only imports included: they are the
 * direction a reader follows too). Listed top-down, as
 * docs/authorization-server.md does.
 */
const AUTH_SERVER = "packages/auth-server/src/";
const OAUTH_LAYERS = [
  ["index.ts", "testing.ts"],
  ["node-adapter.ts"],
  ["runtime.ts", "shared-runtime.ts"],
  ["router.ts"],
  ["endpoints/", "resource/"],
  ["token/", "clients/"],
  ["rate-limit/", "keys/"],
  ["protocol/", "settings.ts", "store/"],
].map((layer) => layer.map((p) => AUTH_SERVER + p));
const oauthLayer = (f: string) => OAUTH_LAYERS.findIndex((prefixes) => prefixes.some((p) => f.startsWith(p)));
const allImports = (f: string) => [...source.get(f)!.matchAll(IMPORT)].map((m) => (m[2] ?? m[3])!);

describe("the authorization server reads in request order", () => {
  it("every module has a layer, and every import points down or across", () => {
    const modules = files.filter((f) => f.startsWith(AUTH_SERVER));
    expect(modules.length).toBeGreaterThan(30);
    expect(modules.filter((f) => oauthLayer(f) === -1)).toEqual([]);
    const upward: string[] = [];
    for (const f of modules) {
      for (const spec of allImports(f)) {
        const dep = resolveLocal(f, spec);
        if (dep?.startsWith(AUTH_SERVER) && oauthLayer(dep) < oauthLayer(f)) upward.push(`${f} -> ${dep}`);
      }
    }
    expect(upward).toEqual([]);
  });
});

describe("package boundaries", () => {
  const inPackage = (f: string, pkg: string) => f.startsWith(`packages/${pkg}/`);

  it("the credential rules are a leaf: nothing from the project, and the main entry is browser-safe", () => {
    const modules = files.filter((f) => inPackage(f, "credentials"));
    const outside = modules.flatMap((f) =>
      allImports(f)
        .filter((s) => !s.startsWith("./") && !/^node:(crypto|zlib)$/.test(s))
        .map((s) => `${f} -> ${s}`),
    );
    expect(outside).toEqual([]);
    const browser = [...reachable(["packages/credentials/src/index.ts"])].filter((f) => specifiers(f).some((s) => s.startsWith("node:")));
    expect(browser).toEqual([]);
  });

  it("the authorization server loads nothing of the console: no lib/, no Next.js, no server-only, no pino", () => {
    const bad = files
      .filter((f) => inPackage(f, "auth-server"))
      .flatMap((f) => allImports(f).filter((s) => /^(@\/|next(\/|$)|server-only$|pino)/.test(s)).map((s) => `${f} -> ${s}`));
    expect(bad).toEqual([]);
  });

  it("outside its package, nobody reaches the authorization server's internals; only tests and benchmarks use its testing entry", () => {
    const bad = files
      .filter((f) => !inPackage(f, "auth-server"))
      .flatMap((f) =>
        allImports(f)
          .filter((s) => /packages\/auth-server\/src|@cluster-console\/auth-server\/(?!testing$)|@cluster-console\/auth-server\/testing$/.test(s))
          .map((s) => `${f} -> ${s}`),
      );
    expect(bad).toEqual([]);
  });

  it("no import cycle between folders", () => {
    // lib/api-clients, lib/ops, ... and each package are one node; app/, components/, scripts/ one each.
    const folder = (f: string) => (/^(lib|packages)\//.test(f) ? f.split("/").slice(0, 2).join("/").replace(/\.tsx?$/, "") : f.split("/")[0]!);
    const edges = new Map<string, Set<string>>();
    for (const f of files) {
      for (const spec of allImports(f)) {
        const dep = resolveLocal(f, spec);
        if (!dep || folder(dep) === folder(f)) continue;
        if (!edges.has(folder(f))) edges.set(folder(f), new Set());
        edges.get(folder(f))!.add(folder(dep));
      }
    }
    const cycles: string[] = [];
    const state = new Map<string, "open" | "done">();
    const visit = (node: string, trail: string[]) => {
      state.set(node, "open");
      for (const next of edges.get(node) ?? []) {
        if (state.get(next) === "open") cycles.push([...trail.slice(trail.indexOf(next)), node, next].join(" -> "));
        else if (!state.has(next)) visit(next, [...trail, node]);
      }
      state.set(node, "done");
    };
    for (const node of edges.keys()) if (!state.has(node)) visit(node, []);
    expect(cycles).toEqual([]);
  });
});

describe("module kinds", () => {
  it("the scanner sees the graph (a sanity check on the test itself)", () => {
    expect(files.length).toBeGreaterThan(100);
    expect(isServerOnly("lib/auth/session.ts")).toBe(true);
    expect(reachable(["scripts/serve.ts"]).has("packages/auth-server/src/runtime.ts")).toBe(true);
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
