// Framework-neutral request/response of the authorization server, so the same
// code answers from node:http (scripts/start-up/request-pipeline.ts) and from tests.
import type { RequestNotes } from "./observer";

export interface OAuthRequest {
  method: string;
  path: string;
  /** Lower-case header names, as node:http gives them. */
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  /** Source address for rate limiting (already resolved through trusted proxies). */
  ip: string;
  /** Filled in by the endpoints for the observer (./observer.ts). */
  notes?: RequestNotes;
}

export interface OAuthResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export const NO_STORE = { "Cache-Control": "no-store", Pragma: "no-cache" } as const;

/**
 * On every answer of the authorization server (/oauth/*, /.well-known/*),
 * which never goes through Next.js and its headers: JSON is never sniffed as
 * something else, and no page may frame it.
 */
export const SECURITY_HEADERS = {
  "X-Content-Type-Options": "nosniff",
  "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'",
  "X-Frame-Options": "DENY",
} as const;

export function json(status: number, value: unknown, headers: Record<string, string> = {}): OAuthResponse {
  return { status, headers: { "Content-Type": "application/json; charset=utf-8", ...headers }, body: JSON.stringify(value) };
}
