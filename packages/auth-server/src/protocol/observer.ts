// What the authorization server tells the rest of the process about its
// requests: metrics, usage counting and logs subscribe here (lib/ops), so
// this folder stays free of prom-client and pino. A leaf module: every layer
// of the authorization server may import it. Called after a request is
// answered, synchronously: an observer must only count in memory.
import type { TokenOutcome } from "@cluster-console/credentials";

export type { TokenOutcome };

export interface OAuthRequestEvent {
  path: string;
  /** "issued" or "reused" for a token, or the error code of the answer. */
  outcome: TokenOutcome | "ok";
  status: number;
  /** One of the configured audiences, "other" for an unknown one, "none" when the request named none and no token was issued. */
  audience: string;
  /** The client ID the caller presented (may not exist); undefined before authentication was read. */
  clientId: string | undefined;
  ip: string;
  seconds: number;
  /** Introspection only: whether the token was active. */
  active?: boolean;
}

export interface OAuthObserver {
  request(event: OAuthRequestEvent): void;
}

/** Per-request notes the endpoints fill in for the observer. */
export interface RequestNotes {
  clientId?: string;
  audience?: string;
  reused?: boolean;
  active?: boolean;
}

type LogFn = (obj: Record<string, unknown>, msg: string) => void;

/** The part of a pino logger the authorization server uses (lib/ops/logger.ts). */
export interface OAuthLog {
  debug: LogFn;
  info: LogFn;
  warn: LogFn;
  error: LogFn;
}

const silent: LogFn = () => {};
export const NO_LOG: OAuthLog = { debug: silent, info: silent, warn: silent, error: silent };

export const NO_OBSERVER: OAuthObserver = { request() {} };

export function fanOut(observers: OAuthObserver[]): OAuthObserver {
  return {
    request(event) {
      for (const o of observers) {
        try {
          o.request(event);
        } catch {
          // An observer's bug must never fail a token request.
        }
      }
    },
  };
}
