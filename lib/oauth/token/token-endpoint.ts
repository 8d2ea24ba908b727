// POST /oauth/token - parse, authenticate, then dispatch on grant_type.
import { authenticateRequest } from "../clients/authenticate-request";
import { OAuthError, rateLimited } from "../errors";
import { parseParams } from "../http/parse-params";
import { NO_STORE, json, type OAuthRequest, type OAuthResponse } from "../http/types";
import type { OAuthContext } from "../runtime-context";
import { clientCredentialsGrant } from "./client-credentials-grant";

export async function tokenEndpoint(ctx: OAuthContext, req: OAuthRequest): Promise<OAuthResponse> {
  const blocked = ctx.limits.blockedAddress(req.ip);
  if (!blocked.ok) throw rateLimited(blocked.retryAfterMs);
  const params = parseParams(req);

  const grantType = params.get("grant_type");
  if (!grantType) throw new OAuthError("invalid_request", "grant_type is required.");

  const client = await authenticateRequest(req, params, ctx.clients, ctx.limits);

  switch (grantType) {
    case "client_credentials": {
      // Charged before a token is chosen: a reused token costs the same points as a new one.
      const allowed = await ctx.limits.onAuthenticated(client.clientId);
      if (!allowed.ok) throw rateLimited(allowed.retryAfterMs);
      const { active } = await ctx.keys.current();
      const { body, outcome } = await clientCredentialsGrant(ctx.settings, active, client, params, ctx.reusableTokens, ctx.now());
      ctx.lastUsed.touch(client.id);
      if (outcome === "issued") ctx.stats.tokensIssued++;
      else ctx.stats.tokensReused++;
      return json(200, body, { ...NO_STORE });
    }
    default:
      throw new OAuthError("unsupported_grant_type", "Only the client_credentials grant is supported.");
  }
}
