// A sign-in (or a step-up) at an organization's identity provider: the
// authorization code flow with PKCE, state and nonce (openid-client), then the
// ID token's signature against the provider's JWKS (jose). Nothing of the
// person is written before every check has passed; then joining or linking
// happens in one transaction (join.ts).
//
// The state, nonce and PKCE verifier stay on the server (sso_logins, found by
// the state's SHA-256); the browser holds the state in a cookie too, so a
// callback is accepted only in the browser that started it, and only once
// (a conditional UPDATE ... WHERE used_at IS NULL marks it used).
import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";
import * as client from "openid-client";
import { errors as joseErrors, jwtVerify } from "jose";
import { db } from "@/lib/db/client";
import { SsoFailure, type SsoFailureCode } from "@/lib/sso/failures";
import { refusalIn } from "@/lib/sso/issuer-fetch";
import { loadProvider, providerClient, type ProviderRecord } from "@/lib/sso/provider-client";
import { ssoRedirectUri } from "@/lib/sso/settings";
import { joinOrLink, type JoinedMember } from "@/lib/sso/join";

export const SSO_LOGIN_TTL_MS = 10 * 60_000;
/** Sign-ins in progress per organization at most: anyone may start one, so the table is bounded. */
export const MAX_OPEN_LOGINS = 5_000;
/** Asymmetric algorithms only: never `none`, never a shared-secret HMAC. */
const ID_TOKEN_ALGS = ["RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "EdDSA"];

export type SsoPurpose = "sign-in" | "step-up";

const digest = (state: string) => createHash("sha256").update(state).digest("base64url");

/** The organization whose provider signs in this email's domain, if any. */
export async function organizationForEmail(email: string): Promise<string | null> {
  const domain = email.slice(email.lastIndexOf("@") + 1).toLowerCase();
  if (!domain) return null;
  const row = await db().ssoDomain.findUnique({ where: { domain }, select: { organizationId: true } });
  return row?.organizationId ?? null;
}

export interface BeginOptions {
  organizationId: string;
  purpose: SsoPurpose;
  /** Step-up: the signed-in user who must come back. */
  userId?: string;
  returnTo: string;
  loginHint?: string;
}

/** Starts a sign-in: the provider's authorization URL, and the state the browser must keep in its cookie. */
export async function beginSso(opts: BeginOptions): Promise<{ url: string; state: string }> {
  const provider = await loadProvider(opts.organizationId);
  if (!provider) throw new SsoFailure("not_configured");
  const { config } = await providerClientOrFailure(provider);
  const state = client.randomState();
  const nonce = client.randomNonce();
  const codeVerifier = client.randomPKCECodeVerifier();
  const params: Record<string, string> = {
    redirect_uri: ssoRedirectUri(),
    scope: "openid email profile",
    response_type: "code",
    state,
    nonce,
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: "S256",
  };
  if (opts.loginHint) params.login_hint = opts.loginHint;
  // Step-up: the provider must ask again, not answer from its own session.
  if (opts.purpose === "step-up") Object.assign(params, { prompt: "login", max_age: "0" });
  const url = client.buildAuthorizationUrl(config, params);
  const now = Date.now();
  // Logins nobody finished are removed as new ones start, and an organization
  // has at most MAX_OPEN_LOGINS open at once: the table stays small.
  await db().ssoLogin.deleteMany({ where: { expiresAt: { lt: new Date(now - SSO_LOGIN_TTL_MS) } } });
  const open = await db().ssoLogin.count({ where: { organizationId: provider.organizationId, usedAt: null, expiresAt: { gt: new Date(now) } } });
  if (open >= MAX_OPEN_LOGINS) throw new SsoFailure("busy", `${open} sign-ins in progress`);
  await db().ssoLogin.create({
    data: {
      stateDigest: digest(state),
      organizationId: provider.organizationId,
      purpose: opts.purpose,
      userId: opts.userId ?? null,
      nonce,
      codeVerifier,
      returnTo: opts.returnTo,
      expiresAt: new Date(now + SSO_LOGIN_TTL_MS),
    },
  });
  return { url: url.href, state };
}

export interface SsoResult extends JoinedMember {
  purpose: SsoPurpose;
  returnTo: string;
}

/**
 * The provider's redirect back: `callback` carries its query (code, state or
 * error); `cookieState` is the state this browser kept. `expectUserId`: the
 * signed-in user, for a step-up.
 */
export async function completeSso(callback: URL, cookieState: string | undefined, expectUserId?: string): Promise<SsoResult> {
  const state = callback.searchParams.get("state") ?? "";
  if (!state || !cookieState || state.length > 200 || !sameString(state, cookieState)) throw new SsoFailure("state_mismatch");
  // Used once: of two callbacks with the same state, one gets the row.
  const rows = await db().$queryRaw<{ organization_id: string; purpose: SsoPurpose; user_id: string | null; nonce: string; code_verifier: string; return_to: string }[]>`
    UPDATE sso_logins SET used_at = now()
     WHERE state_digest = ${digest(state)} AND used_at IS NULL AND expires_at > now()
     RETURNING organization_id::text, purpose, user_id::text, nonce, code_verifier, return_to`;
  const login = rows[0];
  if (!login) throw new SsoFailure("used_or_expired");
  if (callback.searchParams.has("error")) throw new SsoFailure("provider_denied", callback.searchParams.get("error")?.slice(0, 100));
  const provider = await loadProvider(login.organization_id);
  if (!provider) throw new SsoFailure("not_configured");
  const { config, jwks } = await providerClientOrFailure(provider);
  // The redirect URI as registered (the public URL), with the provider's query.
  const current = new URL(ssoRedirectUri());
  current.search = callback.search;
  let idToken: string;
  try {
    const tokens = await client.authorizationCodeGrant(config, current, {
      pkceCodeVerifier: login.code_verifier,
      expectedState: state,
      expectedNonce: login.nonce,
      idTokenExpected: true,
      ...(login.purpose === "step-up" ? { maxAge: 300 } : {}),
    });
    idToken = tokens.id_token ?? "";
  } catch (err) {
    throw grantFailure(err);
  }
  let claims: Record<string, unknown>;
  try {
    // openid-client checked iss, aud, exp, iat and nonce; the signature is checked here, against the JWKS.
    ({ payload: claims } = await jwtVerify(idToken, jwks, {
      issuer: config.serverMetadata().issuer,
      audience: provider.clientId,
      algorithms: ID_TOKEN_ALGS,
      requiredClaims: ["iat", "exp", "sub"],
    }));
  } catch (err) {
    throw verifyFailure(err);
  }
  if (claims.nonce !== login.nonce) throw new SsoFailure("id_token_nonce");
  const email = typeof claims.email === "string" ? claims.email.trim().toLowerCase() : "";
  if (!email || email.length > 254 || !/^[^@\s]+@[^@\s]+$/.test(email)) throw new SsoFailure("email_missing");
  if (claims.email_verified !== true) throw new SsoFailure("email_unverified");
  if (login.purpose === "step-up") {
    const user = await db().user.findUnique({ where: { email }, select: { id: true, email: true, name: true, sessionVersion: true } });
    if (!user || user.id !== login.user_id || user.id !== expectUserId) throw new SsoFailure("other_person");
    return { purpose: "step-up", returnTo: login.return_to, organizationId: provider.organizationId, userId: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion, role: null };
  }
  const joined = await joinOrLink(provider.organizationId, email, claims);
  return { ...joined, purpose: "sign-in", returnTo: login.return_to };
}

function sameString(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

async function providerClientOrFailure(provider: ProviderRecord) {
  try {
    return await providerClient(provider);
  } catch (err) {
    const refused = refusalIn(err);
    if (refused) throw new SsoFailure("provider_unreachable", refused.message);
    if (err instanceof SsoFailure) throw err;
    throw new SsoFailure("discovery_invalid", (err as Error).message);
  }
}

function claimFailure(message: string): SsoFailureCode {
  if (/"iss"|issuer/i.test(message)) return "id_token_issuer";
  if (/"aud"|"azp"|audience/i.test(message)) return "id_token_audience";
  if (/"exp"|"iat"|"nbf"|"auth_time"|expir|timestamp/i.test(message)) return "id_token_expired";
  if (/nonce/i.test(message)) return "id_token_nonce";
  if (/"alg"|signature|algorithm/i.test(message)) return "id_token_signature";
  return "id_token_invalid";
}

/** The messages and codes of an error and its causes (openid-client wraps oauth4webapi's). */
function causes(err: unknown): { text: string; codes: string[] } {
  const messages: string[] = [];
  const codes: string[] = [];
  for (let e = err, depth = 0; e && typeof e === "object" && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if (e instanceof Error) messages.push(e.message);
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string") codes.push(code);
  }
  return { text: messages.join(" | "), codes };
}

function grantFailure(err: unknown): SsoFailure {
  const refused = refusalIn(err);
  if (refused) return new SsoFailure("provider_unreachable", refused.message);
  if (err instanceof client.ResponseBodyError) return new SsoFailure("token_refused", err.error);
  if (err instanceof client.WWWAuthenticateChallengeError) return new SsoFailure("token_refused", "client authentication refused");
  if (err instanceof client.AuthorizationResponseError) return new SsoFailure("provider_denied", err.error);
  const { text, codes } = causes(err);
  if (codes.includes("OAUTH_JWT_CLAIM_COMPARISON_FAILED") || codes.includes("OAUTH_JWT_TIMESTAMP_CHECK_FAILED")) return new SsoFailure(claimFailure(text), text);
  // An ID token that is no signed JWT (alg none, another algorithm than the provider's).
  if (/"alg"|JWS|algorithm|signature|unsigned/i.test(text)) return new SsoFailure("id_token_signature", text);
  if (/id_token|JWT/i.test(text)) return new SsoFailure("id_token_invalid", text);
  return new SsoFailure("provider_unreachable", text);
}

function verifyFailure(err: unknown): SsoFailure {
  const refused = refusalIn(err);
  if (refused) return new SsoFailure("provider_unreachable", refused.message);
  if (err instanceof joseErrors.JWTExpired) return new SsoFailure("id_token_expired", err.message);
  if (err instanceof joseErrors.JWTClaimValidationFailed) {
    const code: SsoFailureCode = err.claim === "iss" ? "id_token_issuer" : err.claim === "aud" ? "id_token_audience" : err.claim === "iat" || err.claim === "nbf" || err.claim === "exp" ? "id_token_expired" : "id_token_invalid";
    return new SsoFailure(code, err.message);
  }
  if (err instanceof joseErrors.JWKSTimeout) return new SsoFailure("provider_unreachable", err.message);
  if (err instanceof joseErrors.JOSEError) return new SsoFailure("id_token_signature", `${err.code}: ${err.message}`);
  return new SsoFailure("id_token_invalid", (err as Error)?.message);
}
