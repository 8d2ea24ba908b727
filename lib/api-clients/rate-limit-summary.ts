// The token endpoint's rate limits in words, for the "Cache your tokens"
// explanation. Pure: the page passes the figures in force from config().
export interface RateLimitFigures {
  tokenTtlSeconds: number;
  ipPoints: number;
  ipDurationSeconds: number;
  clientPoints: number;
  clientDurationSeconds: number;
  blockSeconds: number;
  failedPoints: number;
  failedDurationSeconds: number;
  failedBlockSeconds: number;
}

const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? "" : "s"}`;

/** 3600 -> "1 hour", 900 -> "15 minutes", 90 -> "90 seconds". */
export function duration(seconds: number): string {
  if (seconds % 86_400 === 0 && seconds > 86_400) return plural(seconds / 86_400, "day");
  if (seconds % 3600 === 0) return plural(seconds / 3600, "hour");
  if (seconds % 60 === 0) return plural(seconds / 60, "minute");
  return plural(seconds, "second");
}

/** 60 -> "per minute", 300 -> "per 5 minutes". */
export function per(seconds: number): string {
  const d = duration(seconds);
  return d.startsWith("1 ") ? `per ${d.slice(2)}` : `per ${d}`;
}

export function rateLimitFigures(cfg: {
  TOKEN_TTL_SECONDS: number;
  RATE_LIMIT_IP_POINTS: number;
  RATE_LIMIT_IP_DURATION_SECONDS: number;
  RATE_LIMIT_CLIENT_POINTS: number;
  RATE_LIMIT_CLIENT_DURATION_SECONDS: number;
  RATE_LIMIT_BLOCK_SECONDS: number;
  RATE_LIMIT_FAILED_POINTS: number;
  RATE_LIMIT_FAILED_DURATION_SECONDS: number;
  RATE_LIMIT_FAILED_BLOCK_SECONDS: number;
}): RateLimitFigures {
  return {
    tokenTtlSeconds: cfg.TOKEN_TTL_SECONDS,
    ipPoints: cfg.RATE_LIMIT_IP_POINTS,
    ipDurationSeconds: cfg.RATE_LIMIT_IP_DURATION_SECONDS,
    clientPoints: cfg.RATE_LIMIT_CLIENT_POINTS,
    clientDurationSeconds: cfg.RATE_LIMIT_CLIENT_DURATION_SECONDS,
    blockSeconds: cfg.RATE_LIMIT_BLOCK_SECONDS,
    failedPoints: cfg.RATE_LIMIT_FAILED_POINTS,
    failedDurationSeconds: cfg.RATE_LIMIT_FAILED_DURATION_SECONDS,
    failedBlockSeconds: cfg.RATE_LIMIT_FAILED_BLOCK_SECONDS,
  };
}

export function rateLimitSentences(f: RateLimitFigures) {
  return {
    lifetime: `Access tokens are valid for ${duration(f.tokenTtlSeconds)}.`,
    limits:
      `The token endpoint answers at most ${f.ipPoints} requests ${per(f.ipDurationSeconds)} from one address and ` +
      `${f.clientPoints} ${per(f.clientDurationSeconds)} for one client; beyond that the caller is blocked for ` +
      `${duration(f.blockSeconds)} and gets 429 Too Many Requests with a Retry-After header.`,
    failed: `After ${f.failedPoints} failed authentications ${per(f.failedDurationSeconds)}, an address is blocked for ${duration(f.failedBlockSeconds)}.`,
  };
}
