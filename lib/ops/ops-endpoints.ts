// GET /healthz, /readyz and /metrics, answered by scripts/serve.ts before
// Next.js (like the OAuth paths): cheap, not rate-limited, and served while
// the database is down, when they matter most.
//   /healthz - the process is alive and answering: always 200, with the version.
//   /readyz  - 200 when every dependency answers, else 503 naming what is not ready.
//   /metrics - Prometheus text, only with `Authorization: Bearer <METRICS_TOKEN>`;
//              404 when METRICS_TOKEN is unset (disabled).
import { createHash, timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { consoleVersion } from "../version";
import type { ConsoleMetrics } from "./metrics";
import type { Readiness } from "./readiness";

export const OPS_PATHS = new Set(["/healthz", "/readyz", "/metrics"]);

export interface OpsEndpoints {
  readiness: () => Promise<Readiness>;
  metrics: ConsoleMetrics;
  /** Unset: /metrics is disabled. */
  metricsToken: string | undefined;
}

const HEADERS = { "Cache-Control": "no-store" };

/** Answers the request if it is an ops path; returns false otherwise. */
export function handleOpsRequest(ops: OpsEndpoints, req: IncomingMessage, res: ServerResponse): boolean {
  const url = req.url ?? "";
  const q = url.indexOf("?");
  const path = q === -1 ? url : url.slice(0, q);
  if (!OPS_PATHS.has(path)) return false;
  if (req.method !== "GET" && req.method !== "HEAD") {
    send(req, res, 405, { error: "method_not_allowed" }, { Allow: "GET, HEAD" });
    return true;
  }
  if (path === "/healthz") send(req, res, 200, { status: "ok", version: consoleVersion() });
  else if (path === "/readyz") void ready(ops, req, res);
  else void metrics(ops, req, res);
  return true;
}

async function ready(ops: OpsEndpoints, req: IncomingMessage, res: ServerResponse) {
  const r = await ops.readiness().catch((): Readiness => ({ ready: false, checks: { readiness: "check failed" } }));
  const notReady = Object.entries(r.checks).filter(([, v]) => v !== "ok").map(([k]) => k);
  send(req, res, r.ready ? 200 : 503, { status: r.ready ? "ready" : "not_ready", ...(notReady.length ? { not_ready: notReady } : {}), checks: r.checks });
}

async function metrics(ops: OpsEndpoints, req: IncomingMessage, res: ServerResponse) {
  if (!ops.metricsToken) {
    send(req, res, 404, { error: "not_found", error_description: "Metrics are disabled: set METRICS_TOKEN to enable them." });
    return;
  }
  if (!bearerMatches(req.headers.authorization, ops.metricsToken)) {
    send(req, res, 401, { error: "unauthorized", error_description: "A bearer token (METRICS_TOKEN) is required." }, { "WWW-Authenticate": 'Bearer realm="metrics"' });
    return;
  }
  const body = await ops.metrics.render();
  res.writeHead(200, { ...HEADERS, "Content-Type": ops.metrics.contentType, "Content-Length": Buffer.byteLength(body) });
  res.end(req.method === "HEAD" ? undefined : body);
}

/** Constant-time: digests of equal length are compared, whatever was sent. */
export function bearerMatches(header: string | undefined, token: string): boolean {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header ?? "");
  if (!m) return false;
  const digest = (s: string) => createHash("sha256").update(s).digest();
  return timingSafeEqual(digest(m[1]!), digest(token));
}

function send(req: IncomingMessage, res: ServerResponse, status: number, value: unknown, headers: Record<string, string> = {}) {
  const body = JSON.stringify(value);
  res.writeHead(status, { ...HEADERS, "Content-Type": "application/json; charset=utf-8", "Content-Length": Buffer.byteLength(body), ...headers });
  res.end(req.method === "HEAD" ? undefined : body);
}
