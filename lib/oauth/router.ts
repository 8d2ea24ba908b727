// The authorization server's paths. Everything it answers is JSON; every
// failure becomes an RFC 6749 error, never a 500 with a stack.
import { OAuthError } from "./protocol/errors";
import { introspectEndpoint } from "./endpoints/introspect-endpoint";
import { jwksDocument, metadataDocument } from "./endpoints/well-known";
import type { OAuthContext } from "./endpoints/context";
import { tokenEndpoint } from "./endpoints/token-endpoint";
import { NO_STORE, json, type OAuthRequest, type OAuthResponse } from "./protocol/types";

export const OAUTH_PATHS = new Set([
  "/oauth/token",
  "/oauth/introspect",
  "/.well-known/jwks.json",
  "/.well-known/oauth-authorization-server",
  "/.well-known/openid-configuration",
]);

export async function route(ctx: OAuthContext, req: OAuthRequest): Promise<OAuthResponse> {
  try {
    switch (req.path) {
      case "/oauth/token":
        ctx.stats.tokenRequests++;
        return await tokenEndpoint(ctx, req);
      case "/oauth/introspect":
        return await introspectEndpoint(ctx, req);
      case "/.well-known/jwks.json":
        return readOnly(req) ?? (await jwksDocument(ctx));
      default:
        return readOnly(req) ?? metadataDocument(ctx);
    }
  } catch (err) {
    if (err instanceof OAuthError) {
      const error = err.code === "rate_limited" ? "slow_down" : err.code;
      return json(err.status, { error, error_description: err.description }, { ...NO_STORE, ...err.headers });
    }
    // Database or Redis down, or a bug: say so without details, never 500.
    console.error(`[oauth] ${req.path}: ${(err as Error).message}`);
    return json(
      503,
      { error: "temporarily_unavailable", error_description: "The authorization server is temporarily unavailable." },
      { ...NO_STORE, "Retry-After": "5" },
    );
  }
}

function readOnly(req: OAuthRequest): OAuthResponse | undefined {
  if (req.method === "GET" || req.method === "HEAD") return undefined;
  return json(405, { error: "invalid_request", error_description: "Use GET." }, { Allow: "GET, HEAD" });
}
