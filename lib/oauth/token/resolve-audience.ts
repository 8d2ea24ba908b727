// Which audience and scopes a token gets. The audience names one resource
// (Zeebe, Tasklist, ...): its configured audience or Camunda's well-known
// alias. Without one, the configured default scope's audience applies, or the
// client's first scope if it lacks the default. A cluster's own audience (and
// its addresses, which zbctl and older clients send when no audience is set)
// is granted to that cluster's clients only.
import { clusterAddresses, clusterAudienceAliases, normalizeAudience, type ClusterAddressInput } from "../../clusters/addresses";
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
  cluster: ClusterAddressInput,
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
  let aud: string | undefined;
  if (audience) {
    const lower = audience.toLowerCase();
    target =
      SCOPES.find((s) => settings.audiences[s] === audience) ??
      (Object.hasOwn(CAMUNDA_AUDIENCE_ALIASES, lower) ? CAMUNDA_AUDIENCE_ALIASES[lower] : undefined);
    if (!target) {
      const own = clusterAddresses(cluster, { CLUSTER_DOMAIN: settings.clusterDomain, PUBLIC_URL: settings.issuer });
      const wanted = normalizeAudience(audience);
      if (clusterAudienceAliases(own).has(wanted)) {
        target = "ZEEBE";
        aud = own.clusterAudience;
      } else if (wanted.startsWith(`${normalizeAudience(settings.issuer)}/clusters/`)) {
        throw new OAuthError("unauthorized_client", "That audience belongs to another cluster: a client gets tokens for its own cluster only.");
      }
    }
    if (!target) throw new OAuthError("invalid_request", "Unknown audience.");
    if (!clientScopes.includes(target)) {
      throw new OAuthError("unauthorized_client", `The client has no ${SCOPE_NAMES[target]} scope, so it cannot get tokens for that audience.`);
    }
  } else {
    target = clientScopes.includes(settings.defaultScope) ? settings.defaultScope : granted[0];
    if (!target) throw new OAuthError("unauthorized_client", "The client has no scopes.");
  }
  return { audience: aud ?? settings.audiences[target], scopes: granted };
}
