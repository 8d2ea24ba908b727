// The authorization server's settings (packages/auth-server) from the
// console's validated configuration: the one mapping of its variables.
import type { Config } from "@/lib/config";
import { decodeKey } from "@/lib/config";
import type { OAuthSettings } from "@cluster-console/auth-server";

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
