// "Test connection" on the single sign-on page: the three things a sign-in
// needs from the provider, each checked for real and reported in plain words.
//  1. Discovery: /.well-known/openid-configuration answers, names the issuer
//     it was fetched for, and has the endpoints the console uses.
//  2. JWKS: the keys the ID tokens are verified with can be fetched and hold
//     at least one signing key.
//  3. Client credentials: the token endpoint is asked to redeem a code that
//     does not exist. A provider that knows the client and its secret answers
//     invalid_grant (the code); a wrong ID or secret gets invalid_client.
// Reads only: nothing is written, the secret is never shown.
import "server-only";
import * as client from "openid-client";
import { db } from "@/lib/db/client";
import { refusalIn, providerFetch } from "@/lib/sso/issuer-fetch";
import { discover } from "@/lib/sso/provider-client";
import { openClientSecret } from "@/lib/sso/secret-sealing";
import { ssoRedirectUri } from "@/lib/sso/settings";

export interface ConnectionCheck {
  name: "Discovery" | "Signing keys (JWKS)" | "Client ID and secret";
  ok: boolean;
  detail: string;
}

export interface ConnectionReport {
  ok: boolean;
  checks: ConnectionCheck[];
}

const say = (err: unknown) => refusalIn(err)?.message ?? (err as Error)?.message ?? String(err);

export async function testSsoConnection(organizationId: string): Promise<ConnectionReport> {
  const p = await db().ssoProvider.findUnique({ where: { organizationId } });
  if (!p) return { ok: false, checks: [{ name: "Discovery", ok: false, detail: "Single sign-on is not set up yet: save the provider's details first." }] };
  const checks: ConnectionCheck[] = [];
  const done = () => ({ ok: checks.length === 3 && checks.every((c) => c.ok), checks });

  let config: client.Configuration;
  try {
    config = await discover(p.issuer, p.clientId, openClientSecret(organizationId, p.clientSecretSealed));
    const meta = config.serverMetadata();
    const missing = (["authorization_endpoint", "token_endpoint", "jwks_uri"] as const).filter((k) => !meta[k]);
    if (missing.length) {
      checks.push({ name: "Discovery", ok: false, detail: `The discovery document has no ${missing.join(", ")}.` });
      return done();
    }
    checks.push({ name: "Discovery", ok: true, detail: `Found the provider ${meta.issuer}.` });
  } catch (err) {
    const message = say(err);
    const detail = /"issuer"|issuer.*does not match|unexpected.*issuer/i.test(message)
      ? `The discovery document at ${p.issuer}/.well-known/openid-configuration names another issuer. Use the issuer exactly as the provider names it.`
      : /status code/i.test(message)
        ? `${p.issuer}/.well-known/openid-configuration did not answer with a discovery document (${message}). Check the issuer URL.`
        : /JSON/i.test(message)
          ? `${p.issuer}/.well-known/openid-configuration is not a valid discovery document.`
          : message;
    checks.push({ name: "Discovery", ok: false, detail });
    return done();
  }

  try {
    const res = await providerFetch(config.serverMetadata().jwks_uri!, { headers: { accept: "application/json" } });
    if (!res.ok) throw new Error(`The JWKS address answered HTTP ${res.status}.`);
    const jwks = (await res.json()) as { keys?: { use?: string; kty?: string }[] };
    const signing = (jwks.keys ?? []).filter((k) => k.kty && k.use !== "enc");
    if (!signing.length) throw new Error("The JWKS holds no signing key.");
    checks.push({ name: "Signing keys (JWKS)", ok: true, detail: `${signing.length} signing key${signing.length === 1 ? "" : "s"} published.` });
  } catch (err) {
    checks.push({ name: "Signing keys (JWKS)", ok: false, detail: err instanceof SyntaxError ? "The JWKS is not valid JSON." : say(err) });
  }

  try {
    await client.genericGrantRequest(config, "authorization_code", { code: "console-connection-test", redirect_uri: ssoRedirectUri(), code_verifier: client.randomPKCECodeVerifier() });
    checks.push({ name: "Client ID and secret", ok: false, detail: "The provider accepted a code that does not exist. It cannot be trusted for sign-in." });
  } catch (err) {
    if (err instanceof client.ResponseBodyError) {
      if (err.error === "invalid_client" || err.error === "unauthorized_client") {
        checks.push({ name: "Client ID and secret", ok: false, detail: `The provider refused the client ID or secret (${err.error}). Copy them again from the provider.` });
      } else {
        checks.push({ name: "Client ID and secret", ok: true, detail: "The provider knows the client and its secret." });
      }
    } else if (err instanceof client.WWWAuthenticateChallengeError) {
      checks.push({ name: "Client ID and secret", ok: false, detail: "The provider refused the client ID or secret (HTTP 401). Copy them again from the provider." });
    } else {
      checks.push({ name: "Client ID and secret", ok: false, detail: say(err) });
    }
  }
  return done();
}
