// Errors of the authorization server in RFC 6749 §5.2 form. Descriptions are
// fixed strings chosen here, never echo input, and never mention a secret.
import type { OAuthErrorCode } from "@cluster-console/credentials";

export type { OAuthErrorCode };

export class OAuthError extends Error {
  constructor(
    readonly code: OAuthErrorCode,
    readonly description: string,
    readonly status = code === "invalid_client" ? 401 : 400,
    readonly headers: Record<string, string> = {},
  ) {
    super(description);
    this.name = "OAuthError";
  }
}

export const invalidRequest = (description: string, status = 400) => new OAuthError("invalid_request", description, status);

/** 429 with Retry-After in whole seconds (at least 1). */
export function rateLimited(retryAfterMs: number): OAuthError {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return new OAuthError("rate_limited", "Too many requests; retry later and cache your tokens.", 429, {
    "Retry-After": String(seconds),
  });
}
