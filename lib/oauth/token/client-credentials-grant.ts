// RFC 6749 §4.4: the authenticated client gets an access token for itself.
// Cluster clients get a cluster audience (resolve-audience.ts); organization
// level clients the Administration API's (admin-grant.ts). The kind of the
// client decides, never the request, so the two can never cross.
import { randomBytes } from "node:crypto";
import type { CachedClient } from "../clients/client-cache";
import { OAuthError } from "../errors";
import { signJwt, type SigningKey } from "../keys/jwt";
import type { OAuthSettings } from "../settings";
import { adminScopeString, isAdminAudience, resolveAdminGrant } from "./admin-grant";
import { resolveGrant } from "./resolve-audience";
import { SCOPE_NAMES } from "./scopes";

export interface TokenResponse {
  access_token: string;
  token_type: "Bearer";
  expires_in: number;
  scope: string;
}

export async function clientCredentialsGrant(
  settings: OAuthSettings,
  key: SigningKey,
  client: CachedClient,
  params: Map<string, string>,
): Promise<TokenResponse> {
  const iat = Math.floor(Date.now() / 1000);
  const common = {
    iss: settings.issuer,
    sub: client.clientId,
    iat,
    exp: iat + settings.tokenTtlSeconds,
    jti: randomBytes(16).toString("base64url"),
    client_id: client.clientId,
  };
  let claims: object;
  let scope: string;
  if (client.clusterId === null) {
    const grant = resolveAdminGrant(settings, client.adminPermissions, params.get("audience"), params.get("scope"));
    scope = adminScopeString(grant.permissions);
    claims = { ...common, aud: grant.audience, scope, organization_id: client.organizationId };
  } else {
    if (isAdminAudience(settings, params.get("audience"))) {
      throw new OAuthError(
        "unauthorized_client",
        "A cluster's API client cannot get Administration API tokens; create Administration API credentials in the organization settings.",
      );
    }
    const grant = resolveGrant(settings, client.scopes, params.get("audience"), params.get("scope"), {
      id: client.clusterId,
      region: client.clusterRegion ?? "",
    });
    scope = grant.scopes.map((s) => SCOPE_NAMES[s]).join(" ");
    claims = { ...common, aud: grant.audience, scope, cluster_id: client.clusterId, organization_id: client.organizationId };
  }
  const accessToken = await signJwt(key, claims);
  return { access_token: accessToken, token_type: "Bearer", expires_in: settings.tokenTtlSeconds, scope };
}
