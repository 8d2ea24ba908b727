// Which audience and scopes a token gets. The audience names one resource
// (Zeebe, Tasklist, ...): its configured audience or Camunda's well-known
// alias. Without one, the configured default scope's audience applies, or the
// client's first scope if it lacks the default. A cluster's own audience (and
// its addresses, which zbctl and older clients send when no audience is set)
// is granted to that cluster's clients only.
import { CLIENT_SCOPES, type ClientScopeName, clusterAddresses, type ClusterAddressInput, clusterAudienceAliases, normalizeAudience, SCOPE_LABELS } from "@cluster-console/credentials";
import { OAuthError } from "../protocol/errors";
import type { OAuthSettings } from "../settings";
import { CAMUNDA_AUDIENCE_ALIASES, scopeFromName, splitScopeParam } from "../protocol/scopes";

export interface Grant {
  audience: string;
  scopes: ClientScopeName[];
}

export function resolveGrant(
  settings: OAuthSettings,
  clientScopes: ClientScopeName[],
  audienceParam: string | undefined,
  scopeParam: string | undefined,
  cluster: ClusterAddressInput,
): Grant {
  const requested = splitScopeParam(scopeParam);
  const scopes: ClientScopeName[] = [];
  for (const name of requested) {
    const scope = scopeFromName(name);
    if (!scope) throw new OAuthError("invalid_scope", "Unknown scope. Known scopes: Zeebe, Tasklist, Operate, Optimize, Secrets.");
    if (!clientScopes.includes(scope)) throw new OAuthError("invalid_scope", `The client has no ${SCOPE_LABELS[scope]} scope.`);
    if (!scopes.includes(scope)) scopes.push(scope);
  }
  const granted = scopes.length ? scopes : CLIENT_SCOPES.filter((s) => clientScopes.includes(s));

  const audience = audienceParam?.trim();
  let target: ClientScopeName | undefined;
  let aud: string | undefined;
  if (audience) {
    const lower = audience.toLowerCase();
    target =
      CLIENT_SCOPES.find((s) => settings.audiences[s] === audience) ??
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
      throw new OAuthError("unauthorized_client", `The client has no ${SCOPE_LABELS[target]} scope, so it cannot get tokens for that audience.`);
    }
  } else {
    target = clientScopes.includes(settings.defaultScope) ? settings.defaultScope : granted[0];
    if (!target) throw new OAuthError("unauthorized_client", "The client has no scopes.");
  }
  return { audience: aud ?? settings.audiences[target], scopes: granted };
}
