// .env.example is the operator's checklist, docs/configuration.md the reference: it names every variable the
// configuration schema reads (NODE_ENV aside, which the scripts set).
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CONFIG_VARIABLES } from "@/lib/config";

const root = path.resolve(import.meta.dirname, "../..");

describe(".env.example and docs/configuration.md", () => {
  it("name every configuration variable", () => {
    const example = readFileSync(path.join(root, ".env.example"), "utf8");
    const listed = new Set([...example.matchAll(/^#?\s*([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]));
    const missing = CONFIG_VARIABLES.filter((v) => v !== "NODE_ENV" && !listed.has(v));
    expect(missing).toEqual([]);
    const docs = readFileSync(path.join(root, "docs/configuration.md"), "utf8");
    expect(CONFIG_VARIABLES.filter((v) => !docs.includes(`\`${v}\``))).toEqual([]);
  });

  it("do not claim production needs fewer than the required variables", () => {
    const example = readFileSync(path.join(root, ".env.example"), "utf8");
    for (const v of ["DATABASE_URL", "PUBLIC_URL", "NEXTAUTH_SECRET", "KEY_ENCRYPTION_KEY", "TRUST_PROXY_HOPS"]) {
      expect(example.split("\n").slice(0, 12).join("\n")).toContain(v);
    }
  });
});
