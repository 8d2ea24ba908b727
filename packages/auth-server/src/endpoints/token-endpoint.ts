// POST /oauth/token - parse, authenticate, then dispatch on grant_type.
import { authenticateClientRequest } from "../clients/authenticate-request";
import { OAuthError, rateLimited } from "../protocol/errors";
import { NO_STORE, json, type OAuthRequest, type OAuthResponse } from "../protocol/types";
import type { OAuthContext } from "./context";
import { clientCredentialsGrant } from "../token/client-credentials-grant";
import { effectiveRateLimit } from "@cluster-console/credentials";

export async function tokenEndpoint(ctx: OAuthContext, req: OAuthRequest): Promise<OAuthResponse> {
  const { params, client, secret } = await authenticateClientRequest(req, ctx.clients, ctx.limits, (p) => {
    if (!p.get("grant_type")) throw new OAuthError("invalid_request", "grant_type is required.");
  });
  if (req.notes) req.notes.audience = params.get("audience");

  switch (params.get("grant_type")) {
    case "client_credentials": {
      // The cluster's and the client's IP allowlists, for an authenticated client only.
      ctx.allowlist.check(client, req.ip);
      // Charged before a token is chosen: a reused token costs the same points as a new one.
      // Against the client's own limit where it has one (within its organization's maximum).
      const points = effectiveRateLimit(client.policy.tokenRateLimit, client.policy.bounds, { clientRateLimit: ctx.settings.limits.client.points });
      const allowed = await ctx.limits.onAuthenticated(client.clientId, points);
      if (!allowed.ok) throw rateLimited(allowed.retryAfterMs);
      const { active } = await ctx.keys.current();
      const { body, outcome, audience } = await clientCredentialsGrant(ctx.settings, active, client, secret, params, ctx.reusableTokens, ctx.now());
      if (req.notes) {
        req.notes.audience = audience;
        req.notes.reused = outcome === "reused";
      }
      ctx.lastUsed.touch(client.id, { secretId: secret.id, address: req.ip });
      if (outcome === "issued") ctx.stats.tokensIssued++;
      else ctx.stats.tokensReused++;
      return json(200, body, { ...NO_STORE });
    }
    default:
      throw new OAuthError("unsupported_grant_type", "Only the client_credentials grant is supported.");
  }
}
