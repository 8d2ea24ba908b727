// What a resource server needs to trust this console's tokens, derived from
// the validated configuration: the "Trust these tokens" page shows it, and
// it names the same URLs the discovery document serves.
import type { Config } from "@/lib/config";
import { clusterAudience } from "@cluster-console/credentials";

export function trustSettings(cfg: Pick<Config, "PUBLIC_URL" | "CLUSTER_DOMAIN" | "TOKEN_AUDIENCE_ZEEBE" | "SIGNING_ALG" | "TOKEN_TTL_SECONDS">) {
  const issuer = cfg.PUBLIC_URL;
  return {
    issuer,
    openidConfiguration: `${issuer}/.well-known/openid-configuration`,
    oauthMetadata: `${issuer}/.well-known/oauth-authorization-server`,
    jwksUri: `${issuer}/.well-known/jwks.json`,
    introspectionEndpoint: `${issuer}/oauth/introspect`,
    signingAlg: cfg.SIGNING_ALG,
    tokenTtlSeconds: cfg.TOKEN_TTL_SECONDS,
    // The audience every Zeebe client may request (as oauthSettingsFrom sets it).
    sharedZeebeAudience: cfg.TOKEN_AUDIENCE_ZEEBE ?? `zeebe.${cfg.CLUSTER_DOMAIN}`,
    clusterAudienceTemplate: clusterAudience(issuer, "<cluster-id>"),
  };
}
