// The published pattern finds every secret the console issues, inside text,
// and nothing that is merely similar; the well-known document and the
// gitleaks rule carry the same expression.
import { describe, expect, it } from "vitest";
import { generateClientSecret } from "@cluster-console/credentials/secrets";
import { SECRET_REGEX, SECRET_REGEX_IN_TEXT, gitleaksRule, patternDocument } from "@/lib/leaks/pattern";

describe("published secret pattern", () => {
  it("matches every generated secret alone and inside text", () => {
    const alone = new RegExp(`^${SECRET_REGEX}$`);
    const inText = new RegExp(SECRET_REGEX_IN_TEXT, "m");
    for (let i = 0; i < 500; i++) {
      const s = generateClientSecret();
      expect(alone.test(s)).toBe(true);
      expect(inText.exec(`ZEEBE_CLIENT_SECRET=${s}\nother=1`)?.[1]).toBe(s);
      expect(inText.exec(`"secret": "${s}"`)?.[1]).toBe(s);
      expect(inText.exec(s)?.[1]).toBe(s);
    }
  });

  it("does not match a longer token or another prefix", () => {
    const s = generateClientSecret();
    const inText = new RegExp(SECRET_REGEX_IN_TEXT);
    expect(inText.test(`${s}x`)).toBe(false);
    expect(inText.test(`x${s}`)).toBe(false);
    expect(inText.test(s.replace("ccs_", "ccx_"))).toBe(false);
    expect(inText.test(s.slice(0, -1))).toBe(false);
  });

  it("is the same in the well-known document and the gitleaks rule", () => {
    const doc = patternDocument("https://console.example.com");
    expect(doc.regex).toBe(SECRET_REGEX);
    expect(doc.report_url).toBe("https://console.example.com/api/leaks/report");
    expect(gitleaksRule()).toContain(`regex = '''${SECRET_REGEX_IN_TEXT}'''`);
    expect(gitleaksRule()).toContain("secretGroup = 1");
  });
});
