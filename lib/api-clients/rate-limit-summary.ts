// The token endpoint's rate limits in words, for the "Cache your tokens"
// explanation. The figures are the authorization server's own settings
// (lib/oauth/settings.ts maps the RATE_LIMIT_* variables once, for both).
import type { Config } from "@/lib/config";
import { limitSettingsFrom, type OAuthSettings } from "@/lib/oauth/settings";

export interface RateLimitFigures {
  tokenTtlSeconds: number;
  limits: OAuthSettings["limits"];
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

export function rateLimitFigures(cfg: Config): RateLimitFigures {
  return { tokenTtlSeconds: cfg.TOKEN_TTL_SECONDS, limits: limitSettingsFrom(cfg) };
}

export function rateLimitSentences({ tokenTtlSeconds, limits: { ip, client, failed } }: RateLimitFigures) {
  return {
    lifetime: `Access tokens are valid for ${duration(tokenTtlSeconds)}.`,
    limits:
      `The token endpoint answers at most ${ip.points} requests ${per(ip.durationSeconds)} from one address and ` +
      `${client.points} ${per(client.durationSeconds)} for one client; beyond that the caller is blocked for ` +
      `${duration(ip.blockSeconds)} and gets 429 Too Many Requests with a Retry-After header.`,
    failed: `After ${failed.points} failed authentications ${per(failed.durationSeconds)}, an address is blocked for ${duration(failed.blockSeconds)}.`,
  };
}
