// Errors the token client throws. Each carries a stable `code` to branch on.
// None of them ever holds the client secret: messages are built from the
// client ID, the token URL and the server's RFC 6749 error fields, and any
// text that came from elsewhere is scrubbed of the secret before use.

export type TokenClientErrorCode =
  | "configuration"
  | "invalid_client"
  | "rate_limited"
  | "token_endpoint"
  | "network";

export class TokenClientError extends Error {
  readonly code: TokenClientErrorCode;
  constructor(code: TokenClientErrorCode, message: string) {
    super(message);
    this.name = "TokenClientError";
    this.code = code;
  }
}

/** A setting is missing or malformed; fix the environment or options. */
export class TokenClientConfigError extends TokenClientError {
  constructor(message: string) {
    super("configuration", message);
    this.name = "TokenClientConfigError";
  }
}

/** The server refused the client ID and secret (unknown, revoked, wrong or expired secret). Retrying will not help. */
export class InvalidClientError extends TokenClientError {
  readonly clientId: string;
  constructor(clientId: string, tokenUrl: string, description?: string) {
    super(
      "invalid_client",
      `The authorization server at ${tokenUrl} rejected client ID "${clientId}" (invalid_client${description ? `: ${description}` : ""}). ` +
        "Check ZEEBE_CLIENT_ID and ZEEBE_CLIENT_SECRET; the client may have been revoked or its secret rotated.",
    );
    this.name = "InvalidClientError";
    this.clientId = clientId;
  }
}

/** 429 from the token endpoint, and waiting for `Retry-After` would exceed the configured bound. */
export class RateLimitedError extends TokenClientError {
  /** Seconds the server asked us to wait. */
  readonly retryAfterSeconds: number;
  constructor(clientId: string, tokenUrl: string, retryAfterSeconds: number, maxWaitSeconds: number) {
    super(
      "rate_limited",
      `The authorization server at ${tokenUrl} rate-limited client ID "${clientId}": retry after ${retryAfterSeconds} s, ` +
        `which is longer than the configured maximum wait of ${maxWaitSeconds} s. Cache tokens instead of requesting one per call.`,
    );
    this.name = "RateLimitedError";
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/** Any other refusal or malformed answer from the token endpoint. */
export class TokenEndpointError extends TokenClientError {
  readonly status: number;
  readonly error?: string;
  constructor(clientId: string, tokenUrl: string, status: number, error?: string, description?: string) {
    const detail = error ? `${error}${description ? `: ${description}` : ""}` : `HTTP ${status}`;
    super("token_endpoint", `Token request for client ID "${clientId}" to ${tokenUrl} failed (${detail}).`);
    this.name = "TokenEndpointError";
    this.status = status;
    this.error = error;
  }
}

/** The token endpoint could not be reached (DNS, connection, timeout). */
export class TokenNetworkError extends TokenClientError {
  constructor(clientId: string, tokenUrl: string, reason: string) {
    super("network", `Could not reach the authorization server at ${tokenUrl} for client ID "${clientId}": ${reason}.`);
    this.name = "TokenNetworkError";
  }
}
