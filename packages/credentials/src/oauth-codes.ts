// The authorization server's error codes (RFC 6749 §5.2, plus `rate_limited`
// for a 429 and `temporarily_unavailable` for a 503), in one list: the
// endpoint's errors, the observer's outcomes and the metrics' labels all
// derive from it.
export const OAUTH_ERROR_CODES = [
  "invalid_request",
  "invalid_client",
  "invalid_grant",
  "unauthorized_client",
  "unsupported_grant_type",
  "invalid_scope",
  "rate_limited",
  "temporarily_unavailable",
] as const;

export type OAuthErrorCode = (typeof OAUTH_ERROR_CODES)[number];

export function isOAuthErrorCode(value: unknown): value is OAuthErrorCode {
  return typeof value === "string" && (OAUTH_ERROR_CODES as readonly string[]).includes(value);
}

/**
 * How a token request ended, as metrics and logs label it: a token issued or
 * handed out again (TOKEN_REUSE_SECONDS), the error code of the answer, or
 * "unavailable" for a 5xx.
 */
export type TokenOutcome = "issued" | "reused" | Exclude<OAuthErrorCode, "temporarily_unavailable"> | "unavailable";
