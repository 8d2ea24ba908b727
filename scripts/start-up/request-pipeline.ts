// Step 7: the node:http server every request enters. Handlers registered in
// `beforeNext` run in order and may answer a request themselves (returning
// true); whatever none of them answers goes to Next.js. A handler that needs
// no database (a liveness probe) belongs before the outage gate; one that
// must not be slowed by Next.js (the token endpoint) never reaches it.
import http from "node:http";
import { capConnectionsPerAddress } from "@/lib/http/connection-cap";
import { redactUrl } from "@/lib/http/redact-url";
import type { OAuthRuntime } from "@/lib/oauth/runtime";
import type { Log, PreparedNext } from "./steps";

/** Answers the request and returns true, or returns false to pass it on. */
export type PreNextHandler = (req: http.IncomingMessage, res: http.ServerResponse) => boolean;

export interface PipelineOptions {
  next: PreparedNext;
  oauth: OAuthRuntime;
  /** Proxies in front of the console whose X-Forwarded-For is trusted. */
  trustProxyHops: number;
  /** A line per request (LOG_LEVEL=debug). */
  logRequests: boolean;
  log: Log;
}

export async function createRequestPipeline(opts: PipelineOptions): Promise<http.Server> {
  const { handleOAuthRequest, sourceAddress } = await import("@/lib/oauth/node-adapter");
  const { databaseOutageGate } = await import("@/lib/db/outage-gate");
  const { oauth, next } = opts;

  const beforeNext: PreNextHandler[] = [
    // The authorization server's paths (token, introspection, JWKS, metadata).
    (req, res) => handleOAuthRequest(oauth, req, res),
    // PostgreSQL down: console pages answer 503 at once (lib/db/outage-gate.ts).
    databaseOutageGate(() => oauth.databaseReachable()),
  ];

  const toNext = (req: http.IncomingMessage, res: http.ServerResponse) => {
    // The client's address for the console's own limits (sign-in): computed
    // here from the socket and trusted proxies, replacing anything sent in.
    req.headers["x-console-client-address"] = sourceAddress(req, opts.trustProxyHops);
    void next.handle(req, res);
  };

  const server = http.createServer((req, res) => {
    if (opts.logRequests) logRequest(opts.log, req, res);
    for (const handler of beforeNext) if (handler(req, res)) return;
    toNext(req, res);
  });
  // One address cannot hold every socket (lib/http/connection-cap.ts).
  if (opts.trustProxyHops === 0) capConnectionsPerAddress(server);
  const upgrade = next.upgrade;
  if (upgrade) server.on("upgrade", (req, socket, head) => void upgrade(req, socket, head));
  return server;
}

/**
 * Debug log line per request: method, path and query with every credential
 * parameter redacted (lib/http/redact-url.ts), status, time. Never headers or bodies.
 */
function logRequest(log: Log, req: http.IncomingMessage, res: http.ServerResponse) {
  const start = performance.now();
  res.once("finish", () => {
    log(`${req.method} ${redactUrl(req.url ?? "")} ${res.statusCode} ${Math.round(performance.now() - start)}ms`);
  });
}
