// GET /.well-known/jwks.json, /.well-known/oauth-authorization-server (RFC 8414)
// and /.well-known/openid-configuration. Cacheable; the JWKS only briefly, so
// verifiers see a rotated key soon (they also refetch on an unknown kid).
import { json, type OAuthResponse } from "../protocol/types";
import type { OAuthContext } from "./context";

export async function jwksDocument(ctx: OAuthContext): Promise<OAuthResponse> {
  const { jwks } = await ctx.keys.current();
  return json(200, jwks, { "Cache-Control": "public, max-age=300" });
}

/**
 * Only what the server really does: the client credentials grant with secret
 * authentication (no JWT client authentication, so no auth signing
 * algorithms), JWT access tokens whose keys are in the JWKS (each with its
 * `alg`), introspection. No ID tokens and no authorization endpoint, so no ID
 * token algorithms or subject types; RFC 8414 requires response_types_supported,
 * and the honest value is none. Both well-known paths serve this document:
 * issuer-URI resolvers (Spring's issuer-uri, Camunda's OIDC settings) try
 * openid-configuration first and need only issuer and jwks_uri from it.
 */
export function metadataDocument(ctx: OAuthContext): OAuthResponse {
  const issuer = ctx.settings.issuer;
  return json(
    200,
    {
      issuer,
      token_endpoint: `${issuer}/oauth/token`,
      jwks_uri: `${issuer}/.well-known/jwks.json`,
      introspection_endpoint: `${issuer}/oauth/introspect`,
      grant_types_supported: ["client_credentials"],
      response_types_supported: [],
      token_endpoint_auth_methods_supported: ["client_secret_basic", "client_secret_post"],
      introspection_endpoint_auth_methods_supported: ["client_secret_basic", "client_secret_post"],
      scopes_supported: ["Zeebe", "Tasklist", "Operate", "Optimize", "Secrets"],
    },
    { "Cache-Control": "public, max-age=3600" },
  );
}
