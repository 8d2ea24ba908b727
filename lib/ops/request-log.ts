// Per-request logging of scripts/serve.ts: a request ID for every request
// (returned in X-Request-Id, so a user's report can be matched to the log
// line), one debug line per request, and one warning when a caller gets
// rate-limited (its address and client ID; the secret never reaches here).
import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { OAuthObserver } from "@cluster-console/auth-server";
import { redactUrl } from "../http/redact-url";
import type { Logger } from "./logger";

export const REQUEST_ID_HEADER = "x-request-id";
// A proxy's ID is kept when it is plainly an ID; anything else (long,
// spaces, control characters) is replaced, so it cannot forge log content.
const ACCEPTED_ID = /^[A-Za-z0-9._:-]{8,128}$/;

/** The request's ID (the proxy's, if well-formed, else a new one), set on the response at once. */
export function assignRequestId(req: IncomingMessage, res: ServerResponse): string {
  const given = req.headers[REQUEST_ID_HEADER];
  const id = typeof given === "string" && ACCEPTED_ID.test(given) ? given : randomUUID();
  req.headers[REQUEST_ID_HEADER] = id;
  res.setHeader("X-Request-Id", id);
  return id;
}

/** One debug line when the response is finished: method, URL (credentials redacted), status, time. Never headers or bodies. */
export function logRequest(log: Logger, req: IncomingMessage, res: ServerResponse, reqId: string) {
  if (!log.isLevelEnabled("debug")) return;
  const start = performance.now();
  // As requested: Next.js rewrites req.url while it handles the request.
  const url = redactUrl(req.url ?? "");
  res.once("finish", () => {
    const ms = Math.round(performance.now() - start);
    log.debug({ reqId, method: req.method, url, status: res.statusCode, ms }, `${req.method} ${url} ${res.statusCode} ${ms}ms`);
  });
}

const REPEAT_MS = 60_000;
const MAX_REMEMBERED = 10_000;

/**
 * Warns when a caller is rate-limited: once per address and client ID per
 * minute, so a flood of rejected requests cannot flood the log too.
 */
export function rateLimitLogger(log: Logger): OAuthObserver {
  const lastWarned = new Map<string, number>();
  return {
    request(e) {
      if (e.outcome !== "rate_limited") return;
      const key = `${e.ip}|${e.clientId ?? ""}`;
      const now = Date.now();
      if ((lastWarned.get(key) ?? 0) > now - REPEAT_MS) return;
      if (lastWarned.size >= MAX_REMEMBERED) lastWarned.clear();
      lastWarned.set(key, now);
      log.warn({ ip: e.ip, clientId: loggableClientId(e.clientId), path: e.path }, "rate limited: caller blocked (repeats for this caller are not logged for a minute)");
    },
  };
}

/** A client ID as presented, unless it is no client ID at all: a secret pasted into the wrong field, or junk. */
export function loggableClientId(id: string | undefined): string | null {
  if (id === undefined) return null;
  if (/^ccs_/i.test(id) || id.length > 100) return "[not a client ID]";
  return id.replace(/[^\x21-\x7e]/g, "?");
}
