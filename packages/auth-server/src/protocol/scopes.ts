// Scopes as the protocol carries them: the request's scope parameter, names
// in any case ("Zeebe", "zeebe"), and Camunda SaaS's well-known audiences,
// accepted as aliases so that clients left on their defaults keep working.
// The scopes themselves are defined once, with the API clients.
import { CLIENT_SCOPES, type ClientScopeName } from "@cluster-console/credentials";

export const CAMUNDA_AUDIENCE_ALIASES: Record<string, ClientScopeName> = {
  "zeebe.camunda.io": "ZEEBE",
  "tasklist.camunda.io": "TASKLIST",
  "operate.camunda.io": "OPERATE",
  "optimize.camunda.io": "OPTIMIZE",
  "secrets.camunda.io": "SECRETS",
};

const BY_LOWER_NAME = new Map<string, ClientScopeName>(CLIENT_SCOPES.map((s) => [s.toLowerCase(), s]));

/** "Zeebe", "zeebe" or "ZEEBE" -> ZEEBE; undefined for anything else. */
export function scopeFromName(name: string): ClientScopeName | undefined {
  return BY_LOWER_NAME.get(name.toLowerCase());
}

/** ClientScopeName lists arrive space separated (RFC 6749 §3.3); commas are tolerated because Camunda's env files use them. */
export function splitScopeParam(value: string | undefined): string[] {
  return (value ?? "").split(/[\s,]+/).filter(Boolean);
}
