// Numbers in sentences: the noun (and, where a sentence needs it, the verb)
// agrees with the number, by the language's plural rules rather than by
// `n === 1` scattered through the code. One module for the whole console:
// pages, components and the domain's messages. Pure; browser-safe.

const rules = new Intl.PluralRules("en");
const number = new Intl.NumberFormat("en-GB");

/** A noun's forms: a regular English noun as one string ("client" -> "clients"), any other as both. */
export type Forms = string | { one: string; other: string };

/** The form that goes with `n`: plural(1, "day") = "day", plural(2, "day") = "days". */
export function plural(n: number, forms: Forms): string {
  const { one, other } = typeof forms === "string" ? { one: forms, other: `${forms}s` } : forms;
  return rules.select(n) === "one" ? one : other;
}

/** The number and its noun: count(1, "day") = "1 day", count(1500, "token") = "1,500 tokens". */
export function count(n: number, forms: Forms): string {
  return `${number.format(n)} ${plural(n, forms)}`;
}

/** A whole number of seconds in the largest unit that divides it: 3600 -> "1 hour", 900 -> "15 minutes", 90 -> "90 seconds". */
export function duration(seconds: number): string {
  if (seconds % 86_400 === 0 && seconds > 86_400) return count(seconds / 86_400, "day");
  if (seconds % 3600 === 0) return count(seconds / 3600, "hour");
  if (seconds % 60 === 0) return count(seconds / 60, "minute");
  return count(seconds, "second");
}
