import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CONFIG_VARIABLES } from "@/lib/config";
import { CONFIG_DOCS, renderConfigurationDoc } from "@/lib/config-docs";

describe("docs/configuration.md", () => {
  it("documents every variable of the schema exactly once, and nothing else", () => {
    const documented = CONFIG_DOCS.flatMap((s) => s.variables.flatMap((v) => v.names));
    expect([...documented].sort()).toEqual([...CONFIG_VARIABLES].sort());
  });

  it("is what `npm run docs:config` writes today (run it after changing lib/config-docs.ts)", () => {
    expect(readFileSync("docs/configuration.md", "utf8")).toBe(renderConfigurationDoc());
  });
});
