// Which audience and scopes a token gets. The audience names one resource
// (Zeebe, Tasklist, ...): its configured audience or Camunda's well-known
// alias. Without one, the configured default scope's audience applies, or the
// client's first scope if it lacks the default.
import { OAuthError } from "../errors";
import type { OAuthSettings } from "../settings";
import { CAMUNDA_AUDIENCE_ALIASES, SCOPES, SCOPE_NAMES, type Scope, scopeFromName, splitScopeParam } from "./scopes";

export interface Grant {
  audience: string;
  scopes: Scope[];
}

export function resolveGrant(
  settings: OAuthSettings,
  clientScopes: Scope[],
  audienceParam: string | undefined,
  scopeParam: string | undefined,
): Grant {
  const requested = splitScopeParam(scopeParam);
  const scopes: Scope[] = [];
  for (const name of requested) {
    const scope = scopeFromName(name);
    if (!scope) throw new OAuthError("invalid_scope", "Unknown scope. Known scopes: Zeebe, Tasklist, Operate, Optimize, Secrets.");
    if (!clientScopes.includes(scope)) throw new OAuthError("invalid_scope", `The client has no ${SCOPE_NAMES[scope]} scope.`);
    if (!scopes.includes(scope)) scopes.push(scope);
  }
  const granted = scopes.length ? scopes : SCOPES.filter((s) => clientScopes.includes(s));

  const audience = audienceParam?.trim();
  let target: Scope | undefined;
  if (audience) {
    target = SCOPES.find((s) => settings.audiences[s] === audience) ?? CAMUNDA_AUDIENCE_ALIASES[audience.toLowerCase()];
    if (!target) throw new OAuthError("invalid_request", "Unknown audience.");
    if (!clientScopes.includes(target)) {
      throw new OAuthError("unauthorized_client", `The client has no ${SCOPE_NAMES[target]} scope, so it cannot get tokens for that audience.`);
    }
  } else {
    target = clientScopes.includes(settings.defaultScope) ? settings.defaultScope : granted[0];
    if (!target) throw new OAuthError("unauthorized_client", "The client has no scopes.");
  }
  return { audience: settings.audiences[target], scopes: granted };
}
