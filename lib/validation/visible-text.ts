// The one rule for names people type (members, organizations, clusters, API
// clients): visible characters only. Names end up in lists, audit entries,
// file names and terminals, so no control characters (NUL, which PostgreSQL
// text cannot hold; line breaks; escapes), no invisible format characters
// (zero-width spaces, bidirectional overrides that make a name read
// backwards), no line or paragraph separators and no lone surrogates.
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]/u;

export const VISIBLE_ONLY_MESSAGE = "Use visible characters only.";

export function isVisibleText(value: string): boolean {
  return !INVISIBLE.test(value);
}
