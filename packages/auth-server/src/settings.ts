// The authorization server's settings. The console derives them once from its
// validated configuration (lib/authorization-server/settings.ts); tests build
// their own (e.g. tight rate limits) and pass them to createOAuthRuntime, so
// nothing here reads process.env.
import type { ClientScopeName } from "@cluster-console/credentials";

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
