// A client's own token lifetime and token rate limit, and the organization's
// bounds on them: the one rule the edit dialog, the Administration API, the
// client page and the token endpoint's client cache all apply. Plain data and
// arithmetic: safe to import from client components and from the token path.
//
// - Lifetime: the client's own, or the instance's TOKEN_TTL_SECONDS; either
//   way kept within the organization's bounds and never above the instance's
//   TOKEN_TTL_SECONDS, because retired signing keys stay published for that
//   long (a longer-lived token would outlive its key in the JWKS).
// - Rate limit: the client's own override, or the instance's
//   RATE_LIMIT_CLIENT_POINTS; an override never above the organization's
//   maximum, which defaults to the instance's value (so without an owner's
//   say an override can only lower the limit). The window stays the
//   instance's RATE_LIMIT_CLIENT_DURATION_SECONDS.
//
// The bounds are applied again where the values are used (the client cache),
// so tightening them takes effect on clients saved under the old ones.

/** Shortest lifetime a client may be given: shorter would make token reuse pointless and clients refresh constantly. */
export const MIN_TOKEN_TTL_SECONDS = 60;
/** The database's ceiling (30 days, as TOKEN_TTL_SECONDS). */
export const MAX_TOKEN_TTL_SECONDS = 30 * 86_400;
export const MAX_TOKEN_RATE_LIMIT = 1_000_000_000;

export interface OrganizationBounds {
  minTokenTtlSeconds: number | null;
  maxTokenTtlSeconds: number | null;
  maxClientRateLimit: number | null;
}

export interface InstanceDefaults {
  /** TOKEN_TTL_SECONDS */
  tokenTtlSeconds: number;
  /** RATE_LIMIT_CLIENT_POINTS */
  clientRateLimit: number;
  /** RATE_LIMIT_CLIENT_DURATION_SECONDS */
  clientRateLimitWindowSeconds: number;
}

export const NO_BOUNDS: OrganizationBounds = { minTokenTtlSeconds: null, maxTokenTtlSeconds: null, maxClientRateLimit: null };

/** The lifetimes a client of this organization may be given, inclusive. */
export function tokenTtlRange(org: OrganizationBounds, instance: Pick<InstanceDefaults, "tokenTtlSeconds">): { min: number; max: number } {
  const max = Math.min(instance.tokenTtlSeconds, org.maxTokenTtlSeconds ?? instance.tokenTtlSeconds);
  const min = Math.min(max, Math.max(MIN_TOKEN_TTL_SECONDS, org.minTokenTtlSeconds ?? MIN_TOKEN_TTL_SECONDS));
  return { min, max };
}

/** The highest token rate limit a client of this organization may be given. */
export function maxClientRateLimit(org: OrganizationBounds, instance: Pick<InstanceDefaults, "clientRateLimit">): number {
  return org.maxClientRateLimit ?? instance.clientRateLimit;
}

/** The lifetime a client's tokens get now: its own or the instance's, within the bounds. */
export function effectiveTokenTtl(own: number | null, org: OrganizationBounds, instance: Pick<InstanceDefaults, "tokenTtlSeconds">): number {
  const { min, max } = tokenTtlRange(org, instance);
  return Math.min(max, Math.max(min, own ?? instance.tokenTtlSeconds));
}

/** The client's token requests per window now: its override, capped by the organization's maximum, or the instance's. */
export function effectiveRateLimit(own: number | null, org: OrganizationBounds, instance: Pick<InstanceDefaults, "clientRateLimit">): number {
  if (own === null) return instance.clientRateLimit;
  return Math.max(1, Math.min(own, maxClientRateLimit(org, instance)));
}

/** What an edit form needs to say what is allowed. */
export interface TokenPolicyLimits {
  ttlMin: number;
  ttlMax: number;
  maxRateLimit: number;
  instance: InstanceDefaults;
}

export function tokenPolicyLimits(org: OrganizationBounds, instance: InstanceDefaults): TokenPolicyLimits {
  const { min, max } = tokenTtlRange(org, instance);
  return { ttlMin: min, ttlMax: max, maxRateLimit: maxClientRateLimit(org, instance), instance };
}
