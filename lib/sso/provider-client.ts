// An organization's identity provider as openid-client and jose see it:
// discovery (openid-client checks that the document names the issuer it was
// fetched for), the client's authentication, and the JWKS the ID tokens are
// verified against. Every request goes through providerFetch (issuer-fetch.ts).
// Both are cached per organization and settings version; the JWKS is
// re-fetched by jose when a token names a key it does not hold (the provider
// rotated its keys), at most once per 30 seconds.
import "server-only";
import * as client from "openid-client";
import { createRemoteJWKSet, customFetch as joseCustomFetch, type JWTVerifyGetKey } from "jose";
import { checkProviderUrl, PROVIDER_TIMEOUT_MS, providerFetch } from "@/lib/sso/issuer-fetch";
import { openClientSecret } from "@/lib/sso/secret-sealing";
import { db } from "@/lib/db/client";
import type { SsoRules } from "@/lib/sso/schemas";

export interface ProviderRecord extends SsoRules {
  organizationId: string;
  issuer: string;
  clientId: string;
  clientSecretSealed: Uint8Array;
  updatedAt: Date;
}

export interface ProviderClient {
  config: client.Configuration;
  jwks: JWTVerifyGetKey;
}

const CACHE_MS = 10 * 60_000;
const CACHE_MAX = 500;
const cache = new Map<string, { at: number; value: Promise<ProviderClient> }>();

export async function loadProvider(organizationId: string): Promise<ProviderRecord | null> {
  return db().ssoProvider.findUnique({ where: { organizationId } });
}

/** Discovery, then the client: what openid-client needs to run a sign-in. */
export async function discover(issuer: string, clientId: string, clientSecret: string): Promise<client.Configuration> {
  const url = checkProviderUrl(issuer);
  const options: client.DiscoveryRequestOptions = {
    [client.customFetch]: providerFetch as client.CustomFetch,
    timeout: PROVIDER_TIMEOUT_MS / 1000,
    ...(url.protocol === "http:" ? { execute: [client.allowInsecureRequests] } : {}),
  };
  const probe = await client.discovery(url, clientId, undefined, client.None(), options);
  const methods = probe.serverMetadata().token_endpoint_auth_methods_supported;
  // client_secret_basic is the default of the standard; post when only that is offered.
  const auth = methods && !methods.includes("client_secret_basic") && methods.includes("client_secret_post") ? client.ClientSecretPost(clientSecret) : client.ClientSecretBasic(clientSecret);
  const config = new client.Configuration(probe.serverMetadata(), clientId, undefined, auth);
  config[client.customFetch] = providerFetch as client.CustomFetch;
  config.timeout = PROVIDER_TIMEOUT_MS / 1000;
  if (url.protocol === "http:") client.allowInsecureRequests(config);
  return config;
}

export function remoteJwks(jwksUri: string): JWTVerifyGetKey {
  checkProviderUrl(jwksUri);
  return createRemoteJWKSet(new URL(jwksUri), {
    [joseCustomFetch]: providerFetch,
    timeoutDuration: PROVIDER_TIMEOUT_MS,
    cooldownDuration: 30_000,
    cacheMaxAge: CACHE_MS,
  });
}

export function providerClient(p: ProviderRecord): Promise<ProviderClient> {
  const key = `${p.organizationId}|${p.updatedAt.getTime()}`;
  const hit = cache.get(key);
  if (hit && Date.now() - hit.at < CACHE_MS) return hit.value;
  const value = (async () => {
    const config = await discover(p.issuer, p.clientId, openClientSecret(p.organizationId, p.clientSecretSealed));
    const jwksUri = config.serverMetadata().jwks_uri;
    if (!jwksUri) throw new Error("The discovery document names no jwks_uri.");
    return { config, jwks: remoteJwks(jwksUri) };
  })();
  // A failure is not kept: the next sign-in tries again.
  value.catch(() => cache.delete(key));
  for (const k of cache.keys()) if (k.startsWith(`${p.organizationId}|`)) cache.delete(k);
  if (cache.size >= CACHE_MAX) cache.delete(cache.keys().next().value as string);
  cache.set(key, { at: Date.now(), value });
  return value;
}
