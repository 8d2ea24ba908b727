import { describe, expect, it } from "vitest";
import { NO_VISIBLE_BASE_MESSAGE, nameProblem } from "@/lib/validation/visible-text";
import { clusterNameSchema } from "@/lib/clusters/schemas";
import { clientNameSchema } from "@/lib/api-clients/schemas";
import { personNameSchema, setupSchema } from "@/lib/members/schemas";

const organizationNameSchema = setupSchema.shape.organizationName;

/** Every name field in the console, with the rule they share. */
const NAME_FIELDS = { cluster: clusterNameSchema, client: clientNameSchema, person: personNameSchema, organization: organizationNameSchema };

function messages(schema: (typeof NAME_FIELDS)[keyof typeof NAME_FIELDS], value: string): string[] {
  const r = schema.safeParse(value);
  return r.success ? [] : r.error.issues.map((i) => i.message);
}

describe("names that look blank", () => {
  // Letters and symbols to Unicode, blank on screen.
  const BLANK = {
    "Hangul filler U+3164": "\u3164",
    "halfwidth Hangul filler U+FFA0": "\uFFA0",
    "Hangul choseong + jungseong fillers U+115F U+1160": "\u115F\u1160",
    "blank Braille pattern U+2800": "\u2800",
    "three blank Braille patterns": "\u2800\u2800\u2800",
  };

  for (const [what, value] of Object.entries(BLANK)) {
    it(`are refused in every name field, naming the character: ${what}`, () => {
      const first = `U+${value.codePointAt(0)!.toString(16).toUpperCase()}`;
      for (const [field, schema] of Object.entries(NAME_FIELDS)) {
        expect(messages(schema, value), field).toEqual([`Use visible characters only. Remove ${first}, which looks blank.`]);
        // ...also next to visible text, where it would pass for a space or for nothing.
        expect(messages(schema, `Alice${value}`), field).toHaveLength(1);
      }
    });
  }

  it("made only of combining marks are refused: there is no visible base character", () => {
    for (const value of ["\u0301", "\u0301\u0308\u0327", "\u20DD", "\u0489\u0489", "\uFE0F", "\u034F"]) {
      for (const [field, schema] of Object.entries(NAME_FIELDS)) {
        expect(messages(schema, value), `${field} ${JSON.stringify(value)}`).toEqual([NO_VISIBLE_BASE_MESSAGE]);
      }
    }
  });

  it("are still refused for invisible format and control characters, each named", () => {
    expect(nameProblem("Ada\u202EecalevoL")).toBe("Use visible characters only. Remove U+202E, which is invisible.");
    expect(nameProblem("a\u200Bb")).toBe("Use visible characters only. Remove U+200B, which is invisible.");
    expect(nameProblem("Ada\nLovelace")).toBe("Use visible characters only. Remove the line break.");
    expect(nameProblem("a\u001Bb")).toBe("Use visible characters only. Remove U+001B, a control character.");
    expect(nameProblem("a\uD800")).toBe("Use visible characters only. Remove U+D800, a broken character.");
  });
});

describe("one names rule for every name", () => {
  const ACCEPTED = [
    "Production EU",
    "payments (EU) 🚀",
    "Zoë's cluster #2",
    "注文ワーカー",
    "한국 클러스터", // Hangul syllables are letters, not fillers
    "Ελληνικά",
    "e\u0301te\u0301", // combining accents on a base letter
    "👩‍💻 team", // a zero-width joiner inside an emoji sequence
    "❤️",
    "🇪🇺",
    "⠓⠑⠇⠇⠕", // Braille letters are visible
    "[staging] / v2.1 @ bru-2",
  ];

  for (const value of ACCEPTED) {
    it(`accepts ${JSON.stringify(value)} in every name field (emoji and parentheses in cluster names too)`, () => {
      for (const [field, schema] of Object.entries(NAME_FIELDS)) expect(messages(schema, value), field).toEqual([]);
    });
  }

  it("refuses a zero-width joiner outside an emoji sequence", () => {
    expect(nameProblem("ad\u200Dmin")).toBe("Use visible characters only. Remove U+200D, which is invisible.");
    expect(nameProblem("🚀\u200D")).toBe("Use visible characters only. Remove U+200D, which is invisible.");
  });

  it("names the first refused character, whichever field", () => {
    for (const schema of Object.values(NAME_FIELDS)) {
      expect(messages(schema, "ok\u2066name\u3164")).toEqual(["Use visible characters only. Remove U+2066, which is invisible."]);
    }
  });
});
