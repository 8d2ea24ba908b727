// The token endpoint's rate limits in words, for the "Cache your tokens"
// explanation. The figures are the authorization server's own settings
// (lib/authorization-server/settings.ts maps the RATE_LIMIT_* variables once, for both).
import type { Config } from "@/lib/config";
import type { OAuthSettings } from "@cluster-console/auth-server";
import { limitSettingsFrom } from "@/lib/authorization-server/settings";
import { count, duration } from "@/lib/text/counts";

export interface RateLimitFigures {
  tokenTtlSeconds: number;
  limits: OAuthSettings["limits"];
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
      `The token endpoint answers at most ${count(ip.points, "request")} ${per(ip.durationSeconds)} from one address and ` +
      `${client.points} ${per(client.durationSeconds)} for one client; beyond that the caller is blocked for ` +
      `${duration(ip.blockSeconds)} and gets 429 Too Many Requests with a Retry-After header.`,
    failed: `After ${count(failed.points, "failed authentication")} ${per(failed.durationSeconds)}, an address is blocked for ${duration(failed.blockSeconds)}.`,
  };
}
