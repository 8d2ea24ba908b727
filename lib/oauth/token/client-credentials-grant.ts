// RFC 6749 §4.4: the authenticated client gets an access token for itself.
import { randomBytes } from "node:crypto";
import type { CachedClient } from "../clients/client-cache";
import { signJwt, type SigningKey } from "../keys/jwt";
import type { OAuthSettings } from "../settings";
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
  const grant = resolveGrant(settings, client.scopes, params.get("audience"), params.get("scope"));
  const scope = grant.scopes.map((s) => SCOPE_NAMES[s]).join(" ");
  const iat = Math.floor(Date.now() / 1000);
  const accessToken = await signJwt(key, {
    iss: settings.issuer,
    sub: client.clientId,
    aud: grant.audience,
    iat,
    exp: iat + settings.tokenTtlSeconds,
    jti: randomBytes(16).toString("base64url"),
    scope,
    client_id: client.clientId,
    cluster_id: client.clusterId,
    organization_id: client.organizationId,
  });
  return { access_token: accessToken, token_type: "Bearer", expires_in: settings.tokenTtlSeconds, scope };
}
