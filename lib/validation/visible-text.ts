// The one rule for names people type (members, organizations, clusters, API
// clients): any letter, digit, punctuation, symbol or emoji, as long as what
// is typed is what others will see. Names end up in lists, audit entries,
// file names and terminals, so a name refuses
// - control characters (NUL, which PostgreSQL text cannot hold; line breaks;
//   escapes), invisible format characters (zero-width spaces, bidirectional
//   overrides that make a name read backwards), line or paragraph separators
//   and lone surrogates;
// - characters that are letters or symbols to Unicode but show as blank
//   (the Hangul fillers, the blank Braille pattern), so "Alice" and
//   "Alice" + U+3164 cannot both exist and look the same;
// and it must hold at least one visible base character: a name made only of
// combining marks (or of spaces, which the schemas trim away) shows nothing.
// The zero-width joiner is the one format character allowed, and only inside
// an emoji sequence (👩‍💻), where it joins two pictures into one.
//
// The message names the refused character by its code point, since it may be
// one nobody can see.

const INVISIBLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]/u;

/** Letters and symbols that render as nothing (Unicode's "fillers" and the blank Braille cell). */
const BLANK_LOOKING = /[\u115F\u1160\u3164\uFFA0\u2800]/u;

/** A visible base character: a letter, digit, punctuation mark or symbol that is not default-ignorable. */
const VISIBLE_BASE = /(?![\p{Default_Ignorable_Code_Point}\u2800])[\p{L}\p{N}\p{P}\p{S}]/u;

/** An emoji ZWJ sequence (each picture optionally with a skin tone or the emoji presentation selector). */
const EMOJI_ZWJ_SEQUENCE = /\p{Extended_Pictographic}(?:\p{Emoji_Modifier}|\uFE0F)?(?:\u200D\p{Extended_Pictographic}(?:\p{Emoji_Modifier}|\uFE0F)?)+/gu;

export const VISIBLE_ONLY_MESSAGE = "Use visible characters only.";
export const NO_VISIBLE_BASE_MESSAGE = "Use at least one visible letter, digit or symbol.";

function codePoint(ch: string): string {
  return `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;
}

function describeCharacter(ch: string): string {
  if (ch === "\n" || ch === "\r" || /[\p{Zl}\p{Zp}\u0085]/u.test(ch)) return "the line break";
  if (ch === "\t") return "the tab";
  if (/\p{Cs}/u.test(ch)) return `${codePoint(ch)}, a broken character`;
  if (/\p{Cc}/u.test(ch)) return `${codePoint(ch)}, a control character`;
  if (BLANK_LOOKING.test(ch)) return `${codePoint(ch)}, which looks blank`;
  return `${codePoint(ch)}, which is invisible`;
}

/**
 * What is wrong with a name (already trimmed), in words for the person who
 * typed it; null when it is fine. The first refused character is named.
 */
export function nameProblem(value: string): string | null {
  const withoutEmojiJoins = value.replace(EMOJI_ZWJ_SEQUENCE, (seq) => seq.replaceAll("\u200D", ""));
  // for..of walks code points, so a lone surrogate is seen on its own.
  for (const ch of withoutEmojiJoins) {
    if (INVISIBLE.test(ch) || BLANK_LOOKING.test(ch)) return `${VISIBLE_ONLY_MESSAGE} Remove ${describeCharacter(ch)}.`;
  }
  if (value !== "" && !VISIBLE_BASE.test(value)) return NO_VISIBLE_BASE_MESSAGE;
  return null;
}

export function isVisibleText(value: string): boolean {
  return nameProblem(value) === null;
}

/** For zod: `.superRefine(visibleName)` adds the problem, if any, as the field's message. */
export function visibleName(value: string, ctx: { addIssue(issue: { code: "custom"; message: string }): void }): void {
  const problem = nameProblem(value);
  if (problem) ctx.addIssue({ code: "custom", message: problem });
}
