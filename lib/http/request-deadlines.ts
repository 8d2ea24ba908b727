// How long a client may take to send a request, on every path of the
// console's node:http server (pages, server actions, sign-in, the
// Administration API, the authorization server). Node's own defaults let a
// body trickle in for 300 s: each such request holds a socket and, behind
// Next.js, a handler waiting for its body. Past the deadline Node answers
// 408 and closes the connection. Only the request is timed: a long answer
// (an Activity export streaming to a slow reader) is not cut off by it.
// The authorization server reads its small bodies with a shorter deadline of
// its own (packages/auth-server/src/node-adapter.ts, BODY_TIMEOUT_MS).
import type { Server, ServerOptions } from "node:http";

/** Headers and body, from the first byte to the last: the one setting for every path. */
export const REQUEST_DEADLINE_MS = 10_000;

/** How often Node looks for requests past their deadline (its default is 30 s, which would triple it). */
const CHECK_INTERVAL_MS = 1_000;

/** Options for http.createServer: every request is received within REQUEST_DEADLINE_MS, or answered 408. */
export function requestDeadlines(deadlineMs = REQUEST_DEADLINE_MS): ServerOptions {
  return { headersTimeout: deadlineMs, requestTimeout: deadlineMs, connectionsCheckingInterval: CHECK_INTERVAL_MS };
}

/**
 * How long an idle kept-alive connection stays open. Node's default, 5 s, is
 * shorter than the idle timeout of the usual load balancers and proxies (60 s):
 * a proxy would reuse a connection the console had just closed and answer 502,
 * and any client reusing its connection after about 5 s races the close and
 * gets ECONNRESET. Longer than 60 s, the proxy closes first. Idle connections
 * are still bounded per address (connection-cap.ts) and closed on drain.
 */
export const KEEP_ALIVE_MS = 65_000;

export function keepIdleConnections(server: Server, ms = KEEP_ALIVE_MS): void {
  server.keepAliveTimeout = ms;
}
