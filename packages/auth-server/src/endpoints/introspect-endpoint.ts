// POST /oauth/introspect - RFC 7662. The caller authenticates as an API client
// and may introspect tokens of its own cluster (a resource server for that
// cluster); anything else, any token whose client is revoked, and any token
// minted with a secret that has since been revoked or has expired
// (token/secret-binding.ts) is {"active": false}. Revocation shows at once:
// the client cache is invalidated by NOTIFY, not by expiry.
import { authenticateClientRequest } from "../clients/authenticate-request";
import { decodeJwt, verifySignature } from "../keys/jwt";
import { NO_STORE, json, type OAuthRequest, type OAuthResponse } from "../protocol/types";
import type { OAuthContext } from "./context";
import { mintedWithLiveSecret } from "../token/secret-binding";

const INACTIVE = { active: false };

export async function introspectEndpoint(ctx: OAuthContext, req: OAuthRequest): Promise<OAuthResponse> {
  const { params, client: caller } = await authenticateClientRequest(req, ctx.clients, ctx.limits);
  const token = params.get("token");
  if (!token) return json(400, { error: "invalid_request", error_description: "token is required." }, { ...NO_STORE });
  const result = await inspect(ctx, token, caller.clusterId);
  if (req.notes) req.notes.active = result.active;
  return json(200, result, { ...NO_STORE });
}

async function inspect(ctx: OAuthContext, token: string, callerClusterId: string | null) {
  // Administration API clients are no cluster's resource server.
  if (callerClusterId === null) return INACTIVE;
  const jwt = decodeJwt(token);
  if (!jwt) return INACTIVE;
  const { byKid } = await ctx.keys.current();
  const key = byKid.get(jwt.kid);
  if (!key || !verifySignature(key, jwt)) return INACTIVE;
  const p = jwt.payload;
  const now = Math.floor(Date.now() / 1000);
  if (p.iss !== ctx.settings.issuer || typeof p.exp !== "number" || p.exp <= now || typeof p.sub !== "string") return INACTIVE;
  if (p.cluster_id !== callerClusterId) return INACTIVE;
  const client = await ctx.clients.get(p.sub);
  if (!client || client.clusterId !== p.cluster_id) return INACTIVE;
  if (!mintedWithLiveSecret(client, p, Date.now())) return INACTIVE;
  return {
    active: true,
    scope: p.scope,
    client_id: p.sub,
    sub: p.sub,
    aud: p.aud,
    iss: p.iss,
    exp: p.exp,
    iat: p.iat,
    jti: p.jti,
    token_type: "Bearer",
    cluster_id: p.cluster_id,
    organization_id: p.organization_id,
  };
}
