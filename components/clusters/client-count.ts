// "1 API client", "12 API clients": counted nouns, by the language's plural rules.
const plural = new Intl.PluralRules("en");

export function clientCount(n: number): string {
  return `${n.toLocaleString("en")} API ${plural.select(n) === "one" ? "client" : "clients"}`;
}
