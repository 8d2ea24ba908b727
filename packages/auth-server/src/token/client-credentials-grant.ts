// RFC 6749 §4.4: the authenticated client gets an access token for itself.
// Cluster clients get a cluster audience (resolve-audience.ts); organization
// level clients the Administration API's (admin-grant.ts). The kind of the
// client decides, never the request, so the two can never cross. The token
// is the one the client was just given for the same secret, audience and
// scopes if that may be reused (reusable-tokens.ts), otherwise a newly signed
// one. Either way it names the secret the caller presented (secret-binding.ts).
import { randomUUID } from "node:crypto";
import type { CachedClient, CachedSecret } from "../clients/client-cache";
import { OAuthError } from "../protocol/errors";
import { signJwt, type SigningKey } from "../keys/jwt";
import type { OAuthSettings } from "../settings";
import { adminScopeString, isAdminAudience, resolveAdminGrant } from "./admin-grant";
import { resolveGrant } from "./resolve-audience";
import type { ReusableTokens } from "./reusable-tokens";
import { secretClaim } from "./secret-binding";
import { effectiveTokenTtl, SCOPE_LABELS } from "@cluster-console/credentials";

export interface TokenResponse {
  access_token: string;
  token_type: "Bearer";
  expires_in: number;
  scope: string;
}

/** `issued`: a new signature; `reused`: a token handed out before, returned again. Metrics count them apart. */
export type GrantOutcome = "issued" | "reused";

export interface GrantResult {
  body: TokenResponse;
  outcome: GrantOutcome;
  /** The token's audience (one of the configured ones): a metrics label. */
  audience: string;
}

/** What distinguishes one token of a client from another: audience, scope and the tenancy claims. */
interface Claims {
  aud: string;
  scope: string;
  cluster_id?: string;
  organization_id: string;
}

function claimsFor(settings: OAuthSettings, client: CachedClient, params: Map<string, string>): Claims {
  if (client.clusterId === null) {
    const grant = resolveAdminGrant(settings, client.adminPermissions, params.get("audience"), params.get("scope"));
    return { aud: grant.audience, scope: adminScopeString(grant.permissions), organization_id: client.organizationId };
  }
  if (isAdminAudience(settings, params.get("audience"))) {
    throw new OAuthError(
      "unauthorized_client",
      "A cluster's API client cannot get Administration API tokens; create Administration API credentials in the organization settings.",
    );
  }
  const grant = resolveGrant(settings, client.scopes, params.get("audience"), params.get("scope"), {
    id: client.clusterId,
    region: client.clusterRegion ?? "",
    grpcAddress: client.clusterGrpcAddress,
    restAddress: client.clusterRestAddress,
  });
  const scope = grant.scopes.map((s) => SCOPE_LABELS[s]).join(" ");
  return { aud: grant.audience, scope, cluster_id: client.clusterId, organization_id: client.organizationId };
}

export async function clientCredentialsGrant(
  settings: OAuthSettings,
  key: SigningKey,
  client: CachedClient,
  secret: CachedSecret,
  params: Map<string, string>,
  reusable: ReusableTokens,
  now: number,
): Promise<GrantResult> {
  const claims = claimsFor(settings, client, params);
  const { scope } = claims;
  const iat = Math.floor(now / 1000);
  // The tenancy claims are fixed per client, so secret, audience and scope tell
  // its tokens apart: a token is never handed to a caller of another secret.
  const slot = `${secret.id} ${claims.aud} ${scope}`;

  const held = reusable.find(client, slot, key.kid, now);
  if (held) {
    const body = { access_token: await held.token, token_type: "Bearer" as const, expires_in: held.exp - iat, scope };
    return { body, outcome: "reused", audience: claims.aud };
  }

  // The client's own lifetime, within its organization's bounds and never past the instance's.
  const ttl = effectiveTokenTtl(client.policy.tokenTtlSeconds, client.policy.bounds, settings);
  const exp = iat + ttl;
  const token = signJwt(key, {
    iss: settings.issuer,
    sub: client.clientId,
    iat,
    exp,
    // 122 random bits; node fills its UUID entropy 128 at a time instead of a getrandom call per token.
    jti: randomUUID(),
    client_id: client.clientId,
    ...claims,
    ...secretClaim(secret),
  });
  reusable.hold(client, secret, slot, token, key.kid, iat, exp, now);
  return { body: { access_token: await token, token_type: "Bearer", expires_in: ttl, scope }, outcome: "issued", audience: claims.aud };
}
