// An abort signal per request that reaches Next.js, so work queued for a
// caller who hung up can be dropped before it starts (the password-check queue,
// lib/auth/password.ts). The request pipeline (scripts/start-up/request-pipeline.ts)
// gives every request a fresh random key in REQUEST_KEY_HEADER, replacing
// anything sent in, and aborts the request's controller when its connection
// closes before the response finished. Server code finds the signal by that
// header. The registry lives on globalThis: the pipeline and the app's bundles
// are separate module instances in one process. Each entry is removed when its
// response closes, and the registry holds at most MAX_TRACKED entries (beyond
// that a request simply has no signal).
import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";

export const REQUEST_KEY_HEADER = "x-console-request-key";
export const MAX_TRACKED = 10_000;

const REGISTRY_KEY = Symbol.for("cluster-console.request-aborts");
const shared = globalThis as Record<symbol, Map<string, AbortController> | undefined>;
shared[REGISTRY_KEY] ??= new Map();
const registry = shared[REGISTRY_KEY];

/** Gives the request its key (always overwriting the header) and a controller aborted if the connection closes first. */
export function trackRequest(req: IncomingMessage, res: ServerResponse): void {
  const key = randomBytes(16).toString("base64url");
  req.headers[REQUEST_KEY_HEADER] = key;
  if (registry.size >= MAX_TRACKED) return;
  const controller = new AbortController();
  registry.set(key, controller);
  res.once("close", () => {
    registry.delete(key);
    if (!res.writableFinished) controller.abort();
  });
}

/** The signal of the request with this key, if it is still tracked. */
export function requestSignal(key: string | string[] | null | undefined): AbortSignal | undefined {
  return typeof key === "string" ? registry.get(key)?.signal : undefined;
}

/** Requests tracked right now (for tests). */
export const trackedRequests = () => registry.size;
