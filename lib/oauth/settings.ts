// The authorization server's settings, derived once from the validated
// configuration. Tests build their own (e.g. tight rate limits) and pass them
// to createOAuthRuntime, so nothing here reads process.env per request.
import type { Config } from "@/lib/config";
import { decodeKey } from "@/lib/config";
import type { ClientScopeName } from "../api-clients/scopes";

export type SigningAlg = "RS256" | "ES256" | "EdDSA";

export interface LimitSettings {
  points: number;
  durationSeconds: number;
  blockSeconds: number;
}

export interface OAuthSettings {
  databaseUrl: string;
  issuer: string;
  tokenTtlSeconds: number;
  /** Window in which a repeat request gets the same token back (0: never); see token/reusable-tokens.ts. */
  tokenReuseSeconds: number;
  signingAlg: SigningAlg;
  keyEncryptionKey: Buffer;
  audiences: Record<ClientScopeName, string>;
  /** Derived cluster addresses (and so their audience aliases) use it. */
  clusterDomain: string;
  defaultScope: ClientScopeName;
  limits: { ip: LimitSettings; client: LimitSettings; failed: LimitSettings };
  redisUrl?: string;
  /** Put in front of every Redis key (REDIS_KEY_PREFIX). */
  redisKeyPrefix: string;
  trustProxyHops: number;
  poolSize: number;
}

/** The one mapping of the RATE_LIMIT_* variables; the console's explanation of the limits reads it too. */
export function limitSettingsFrom(cfg: Config): OAuthSettings["limits"] {
  return {
    ip: { points: cfg.RATE_LIMIT_IP_POINTS, durationSeconds: cfg.RATE_LIMIT_IP_DURATION_SECONDS, blockSeconds: cfg.RATE_LIMIT_BLOCK_SECONDS },
    client: {
      points: cfg.RATE_LIMIT_CLIENT_POINTS,
      durationSeconds: cfg.RATE_LIMIT_CLIENT_DURATION_SECONDS,
      blockSeconds: cfg.RATE_LIMIT_BLOCK_SECONDS,
    },
    failed: {
      points: cfg.RATE_LIMIT_FAILED_POINTS,
      durationSeconds: cfg.RATE_LIMIT_FAILED_DURATION_SECONDS,
      blockSeconds: cfg.RATE_LIMIT_FAILED_BLOCK_SECONDS,
    },
  };
}

export function oauthSettingsFrom(cfg: Config): OAuthSettings {
  const kek = cfg.KEY_ENCRYPTION_KEY ? decodeKey(cfg.KEY_ENCRYPTION_KEY) : undefined;
  if (!kek) throw new Error("KEY_ENCRYPTION_KEY is not set: the authorization server cannot decrypt its signing keys.");
  const aud = (given: string | undefined, product: string) => given ?? `${product}.${cfg.CLUSTER_DOMAIN}`;
  return {
    databaseUrl: cfg.DATABASE_URL,
    issuer: cfg.PUBLIC_URL,
    tokenTtlSeconds: cfg.TOKEN_TTL_SECONDS,
    tokenReuseSeconds: cfg.TOKEN_REUSE_SECONDS,
    signingAlg: cfg.SIGNING_ALG,
    keyEncryptionKey: kek,
    audiences: {
      ZEEBE: aud(cfg.TOKEN_AUDIENCE_ZEEBE, "zeebe"),
      TASKLIST: aud(cfg.TOKEN_AUDIENCE_TASKLIST, "tasklist"),
      OPERATE: aud(cfg.TOKEN_AUDIENCE_OPERATE, "operate"),
      OPTIMIZE: aud(cfg.TOKEN_AUDIENCE_OPTIMIZE, "optimize"),
      SECRETS: aud(cfg.TOKEN_AUDIENCE_SECRETS, "secrets"),
    },
    clusterDomain: cfg.CLUSTER_DOMAIN,
    defaultScope: cfg.TOKEN_DEFAULT_SCOPE,
    limits: limitSettingsFrom(cfg),
    redisUrl: cfg.REDIS_URL,
    redisKeyPrefix: cfg.REDIS_KEY_PREFIX,
    trustProxyHops: cfg.TRUST_PROXY_HOPS,
    poolSize: cfg.DATABASE_POOL_SIZE,
  };
}
