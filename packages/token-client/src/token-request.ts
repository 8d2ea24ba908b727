// One request to the token endpoint (RFC 6749 §4.4), with the client
// authenticated by client_secret_post, as Camunda's official clients do. The
// answer is classified into a token, a 429 with its Retry-After, or an error.
import type { CachedToken } from "./disk-cache.js";
import { InvalidClientError, TokenEndpointError, TokenNetworkError } from "./errors.js";
import type { ResolvedSettings } from "./settings.js";

export type TokenAnswer =
  | { kind: "token"; token: CachedToken }
  | { kind: "rate_limited"; retryAfterMs: number }
  | { kind: "retryable"; error: Error };

const FALLBACK_RETRY_AFTER_MS = 5_000;

export async function requestToken(s: ResolvedSettings, scrub: (text: string) => string): Promise<TokenAnswer> {
  const body = new URLSearchParams({ grant_type: "client_credentials", client_id: s.clientId, client_secret: s.clientSecret });
  if (s.audience) body.set("audience", s.audience);
  if (s.scope) body.set("scope", s.scope);

  let res: Response;
  try {
    res = await s.fetch(s.tokenUrl, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
      body: body.toString(),
      signal: AbortSignal.timeout(s.requestTimeoutMs),
      redirect: "error", // never replay the secret to another address
    });
  } catch (e) {
    const reason = e instanceof Error && e.name === "TimeoutError" ? `no answer within ${s.requestTimeoutMs} ms` : describe(e);
    return { kind: "retryable", error: new TokenNetworkError(s.clientId, s.tokenUrl, scrub(reason)) };
  }
  const obtainedAt = s.now();
  const json = await readJson(res);

  if (res.status === 429) return { kind: "rate_limited", retryAfterMs: retryAfterMs(res.headers.get("retry-after"), obtainedAt) };

  const error = typeof json?.error === "string" ? scrub(json.error).slice(0, 100) : undefined;
  const description = typeof json?.error_description === "string" ? scrub(json.error_description).slice(0, 300) : undefined;
  if (error === "invalid_client" || (res.status === 401 && !error)) {
    throw new InvalidClientError(s.clientId, s.tokenUrl, description);
  }
  if (res.status >= 500) return { kind: "retryable", error: new TokenEndpointError(s.clientId, s.tokenUrl, res.status, error, description) };
  if (!res.ok) throw new TokenEndpointError(s.clientId, s.tokenUrl, res.status, error, description);

  const accessToken = json?.access_token;
  if (typeof accessToken !== "string" || !/^[\x21-\x7e]+$/.test(accessToken)) {
    throw new TokenEndpointError(s.clientId, s.tokenUrl, res.status, undefined, "the answer has no access_token");
  }
  const lifetimeMs = lifetime(json?.expires_in, accessToken, obtainedAt);
  return {
    kind: "token",
    token: {
      accessToken,
      tokenType: typeof json?.token_type === "string" ? json.token_type : "Bearer",
      grantedScope: typeof json?.scope === "string" ? json.scope : undefined,
      obtainedAt,
      expiresAt: obtainedAt + lifetimeMs,
    },
  };
}

async function readJson(res: Response): Promise<Record<string, unknown> | undefined> {
  try {
    const v: unknown = await res.json();
    return typeof v === "object" && v !== null ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** RFC 9110 §10.2.3: delay-seconds or an HTTP date. */
export function retryAfterMs(header: string | null, now: number): number {
  const v = header?.trim();
  if (v && /^\d+$/.test(v)) return Number(v) * 1000;
  const date = v ? Date.parse(v) : NaN;
  if (Number.isFinite(date)) return Math.max(0, date - now);
  return FALLBACK_RETRY_AFTER_MS;
}

/** expires_in when given; else the JWT's own exp; else treat as short-lived (60 s). */
function lifetime(expiresIn: unknown, token: string, now: number): number {
  const n = typeof expiresIn === "string" ? Number(expiresIn) : expiresIn;
  if (typeof n === "number" && Number.isFinite(n) && n > 0) return n * 1000;
  const exp = jwtExp(token);
  if (exp !== undefined && exp * 1000 > now) return exp * 1000 - now;
  return 60_000;
}

function jwtExp(token: string): number | undefined {
  const payload = token.split(".")[1];
  if (!payload) return undefined;
  try {
    const claims: unknown = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
    const exp = (claims as { exp?: unknown }).exp;
    return typeof exp === "number" ? exp : undefined;
  } catch {
    return undefined;
  }
}

function describe(e: unknown): string {
  if (!(e instanceof Error)) return "request failed";
  const cause = (e as { cause?: unknown }).cause;
  const code = cause && typeof cause === "object" && "code" in cause ? String((cause as { code: unknown }).code) : undefined;
  return code ? `${e.message} (${code})` : e.message;
}
