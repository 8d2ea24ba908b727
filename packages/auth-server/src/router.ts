// The authorization server's paths. Everything it answers is JSON; every
// failure becomes an RFC 6749 error, never a 500 with a stack.
import { isOAuthErrorCode } from "@cluster-console/credentials";
import { OAuthError } from "./protocol/errors";
import { introspectEndpoint } from "./endpoints/introspect-endpoint";
import { jwksDocument, metadataDocument } from "./endpoints/well-known";
import type { OAuthContext } from "./endpoints/context";
import type { RequestNotes, TokenOutcome } from "./protocol/observer";
import { adminAudience } from "./token/admin-grant";
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
  const started = performance.now();
  req.notes = {};
  const res = await answer(ctx, req);
  if (req.path === "/oauth/token" || req.path === "/oauth/introspect") {
    ctx.observer.request({
      path: req.path,
      outcome: outcomeOf(req.path, res, req.notes),
      status: res.status,
      audience: audienceLabel(ctx, req.notes, res.status),
      clientId: req.notes.clientId,
      ip: req.ip,
      seconds: (performance.now() - started) / 1000,
      active: req.notes.active,
    });
  }
  return res;
}

async function answer(ctx: OAuthContext, req: OAuthRequest): Promise<OAuthResponse> {
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
    ctx.log.error({ path: req.path, err: (err as Error).message }, "authorization server request failed");
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

/** A bounded label: the error code of the answer, never anything the caller chose. */
function outcomeOf(path: string, res: OAuthResponse, notes: RequestNotes): TokenOutcome | "ok" {
  if (res.status === 200) return path === "/oauth/token" ? (notes.reused ? "reused" : "issued") : "ok";
  if (res.status === 429) return "rate_limited";
  if (res.status >= 500) return "unavailable";
  const code = /^\{"error":"([a-z_]+)"/.exec(res.body)?.[1];
  return isOAuthErrorCode(code) && code !== "rate_limited" && code !== "temporarily_unavailable" ? code : "invalid_request";
}

/**
 * Only the configured audiences (and the Administration API's) appear as
 * labels; a cluster's own audience is "cluster" (one per cluster would be
 * unbounded), anything else the caller sent is "other".
 */
function audienceLabel(ctx: OAuthContext, notes: RequestNotes, status: number): string {
  const aud = notes.audience;
  if (!aud) return "none";
  if (Object.values(ctx.settings.audiences).includes(aud) || aud === adminAudience(ctx.settings)) return aud;
  return status === 200 ? "cluster" : "other";
}
