// Step 7: the node:http server every request enters. Handlers registered in
// `beforeNext` run in order and may answer a request themselves (returning
// true); whatever none of them answers goes to Next.js. A handler that needs
// no database (a liveness probe) belongs before the outage gate; one that
// must not be slowed by Next.js (the token endpoint) never reaches it.
import http from "node:http";
import { capConnectionsPerAddress } from "@/lib/http/connection-cap";
import { keepIdleConnections, requestDeadlines } from "@/lib/http/request-deadlines";
import type { OAuthRuntime } from "@cluster-console/auth-server";
import type { OpsLayer } from "@/lib/ops/ops-layer";
import type { Tracing } from "@/lib/ops/tracing";
import type { PreparedNext } from "./steps";

/** Answers the request and returns true, or returns false to pass it on. */
export type PreNextHandler = (req: http.IncomingMessage, res: http.ServerResponse) => boolean;

export interface PipelineOptions {
  next: PreparedNext;
  oauth: OAuthRuntime;
  /** /healthz, /readyz, /metrics (lib/ops/ops-layer.ts). */
  ops: OpsLayer;
  /** Traces (lib/ops/tracing.ts): each request in a span; absent, requests are not wrapped at all. */
  tracing?: Tracing;
  /** Proxies in front of the console whose X-Forwarded-For is trusted. */
  trustProxyHops: number;
}

export async function createRequestPipeline(opts: PipelineOptions): Promise<http.Server> {
  const { handleOAuthRequest, sourceAddress } = await import("@cluster-console/auth-server");
  const { databaseOutageGate } = await import("@/lib/db/outage-gate");
  const { assignRequestId, logRequest } = await import("@/lib/ops/request-log");
  const { logger } = await import("@/lib/ops/logger");
  const { trackRequest } = await import("@/lib/http/request-abort");
  const { oauth, next, ops } = opts;
  const log = logger();

  const beforeNext: PreNextHandler[] = [
    // Probes and metrics: no database needed to answer, so before the outage gate.
    (req, res) => ops.handle(req, res),
    // The authorization server's paths (token, introspection, JWKS, metadata).
    (req, res) => handleOAuthRequest(oauth, req, res),
    // PostgreSQL down: console pages answer 503 at once (lib/db/outage-gate.ts).
    databaseOutageGate(() => oauth.databaseReachable()),
  ];

  const toNext = (req: http.IncomingMessage, res: http.ServerResponse) => {
    // The client's address for the console's own limits (sign-in): computed
    // here from the socket and trusted proxies, replacing anything sent in.
    req.headers["x-console-client-address"] = sourceAddress(req, opts.trustProxyHops);
    // A fresh key whose signal aborts if the caller hangs up first: queued
    // password checks for it are dropped (lib/http/request-abort.ts).
    trackRequest(req, res);
    void next.handle(req, res);
  };

  const handle = (req: http.IncomingMessage, res: http.ServerResponse) => {
    // Every response carries X-Request-Id; the debug line (LOG_LEVEL=debug) names the same ID.
    logRequest(log, req, res, assignRequestId(req, res));
    for (const handler of beforeNext) if (handler(req, res)) return;
    toNext(req, res);
  };
  const { tracing } = opts;
  // A request slower to arrive than REQUEST_DEADLINE_MS gets a 408, on every path.
  const server = http.createServer(requestDeadlines(), tracing ? (req, res) => tracing.request(req, res, () => handle(req, res)) : handle);
  // Idle connections outlive a proxy's idle timeout, so the proxy closes first.
  keepIdleConnections(server);
  // One address cannot hold every socket (lib/http/connection-cap.ts).
  if (opts.trustProxyHops === 0) capConnectionsPerAddress(server);
  const upgrade = next.upgrade;
  if (upgrade) server.on("upgrade", (req, socket, head) => void upgrade(req, socket, head));
  return server;
}
