// What the console answers while PostgreSQL is unreachable: a 503 page, at
// once, instead of a page that hangs on the pool or fails into Next.js's 500.
//
// Next.js cannot give a page a 503 (a server component can only redirect,
// 404 or throw, and a throw is a 500), so the decision is made in front of
// it, in the request pipeline (scripts/start-up/), from one signal: the OAuth runtime's LISTEN
// connection, which drops the moment PostgreSQL stops or restarts and comes
// back by itself (retried every 0.1-5 s). Two parts:
//  - while it is down, every request that needs the database gets the page
//    below without reaching Next.js (static assets and /docs still serve);
//  - a request already inside Next.js when the database went away ends in a
//    500 (rendered by app/error.tsx); if the database is down by the time the
//    status is written, it becomes a 503 with the same friendly body.
// Anything else that fails (a bug, a statement timeout) stays a 500.
import type { IncomingMessage, ServerResponse } from "node:http";

// Served from files, or rendered without a database query.
const WITHOUT_DATABASE = [/^\/_next\/static\//, /^\/_next\/image(\?|$)/, /^\/(favicon\.ico|icon\.svg)$/, /^\/docs(\/|\?|$)/, /^\/downloads\//];

const RETRY_AFTER_SECONDS = "5";

const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Temporarily unavailable · Cluster Console</title>
<style>body{font-family:system-ui,sans-serif;color:#0f172a;display:flex;min-height:90vh;align-items:center;justify-content:center;text-align:center;padding:0 1.5rem}p{color:#475569}</style>
</head><body><main>
<p>503</p>
<h1>Temporarily unavailable</h1>
<p>The console cannot reach its database right now. Nothing you saved is lost; please try again in a few seconds.</p>
<p><a href="">Try again</a></p>
</main></body></html>
`;

export function needsDatabase(url: string | undefined): boolean {
  const path = url ?? "/";
  return !WITHOUT_DATABASE.some((re) => re.test(path));
}

/**
 * Returns true when it answered the request (503); otherwise the request goes
 * on to Next.js, with a late 500 turned into a 503 if the database is down by then.
 */
export function databaseOutageGate(reachable: () => boolean) {
  return (req: IncomingMessage, res: ServerResponse): boolean => {
    if (!needsDatabase(req.url)) return false;
    if (!reachable()) {
      res.writeHead(503, {
        "Content-Type": "text/html; charset=utf-8",
        "Cache-Control": "no-store",
        "Retry-After": RETRY_AFTER_SECONDS,
        "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
        "X-Content-Type-Options": "nosniff",
        "Content-Length": Buffer.byteLength(PAGE),
      });
      res.end(req.method === "HEAD" ? undefined : PAGE);
      return true;
    }
    const writeHead = res.writeHead;
    res.writeHead = function (this: ServerResponse, status: number, ...rest: unknown[]) {
      if (status === 500 && !reachable()) {
        status = 503;
        this.setHeader("Retry-After", RETRY_AFTER_SECONDS);
        this.setHeader("Cache-Control", "no-store");
      }
      return (writeHead as (...args: unknown[]) => ServerResponse).call(this, status, ...rest);
    } as ServerResponse["writeHead"];
    return false;
  };
}
