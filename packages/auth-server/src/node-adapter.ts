// Serves the authorization server from a plain node:http server (mounted by
// scripts/start-up/request-pipeline.ts before Next.js, and by tests). Reads the body with a hard
// size limit and a short deadline (a client sends a few hundred bytes at once;
// a body trickling in holds a connection for nothing), resolves the source
// address through trusted proxies only, and sends the same security headers
// on every answer.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { OAuthRuntime } from "./runtime";
import { MAX_BODY_BYTES } from "./protocol/parse-params";
import { OAUTH_PATHS } from "./router";
import { NO_STORE, SECURITY_HEADERS, json, type OAuthResponse } from "./protocol/types";

/** How long a request may take to send its body; Node's own default is 300 s. */
export const BODY_TIMEOUT_MS = 5_000;

export function oauthPath(url: string | undefined): string | undefined {
  if (!url) return undefined;
  const q = url.indexOf("?");
  const path = q === -1 ? url : url.slice(0, q);
  return OAUTH_PATHS.has(path) ? path : undefined;
}

/** Answers the request if it is for the authorization server; returns false otherwise. */
export function handleOAuthRequest(runtime: OAuthRuntime, req: IncomingMessage, res: ServerResponse): boolean {
  const path = oauthPath(req.url);
  if (!path) return false;
  void serve(runtime, path, req, res);
  return true;
}

async function serve(runtime: OAuthRuntime, path: string, req: IncomingMessage, res: ServerResponse) {
  let response: OAuthResponse;
  const body = await readBody(req);
  if (body === "too_large") {
    response = json(413, { error: "invalid_request", error_description: "The body is too large." }, { ...NO_STORE, Connection: "close" });
  } else if (body === "too_slow") {
    response = json(408, { error: "invalid_request", error_description: "The body took too long to arrive." }, { ...NO_STORE, Connection: "close" });
  } else if (body === "aborted") {
    return;
  } else {
    response = await runtime.handle({
      method: req.method ?? "GET",
      path,
      headers: req.headers,
      body,
      ip: sourceAddress(req, runtime.ctx.settings.trustProxyHops),
    });
  }
  if (res.destroyed) return;
  res.writeHead(response.status, { ...response.headers, ...SECURITY_HEADERS, "Content-Length": Buffer.byteLength(response.body) });
  res.end(req.method === "HEAD" ? undefined : response.body);
  // The rest of a slow body is not waited for.
  if (body === "too_slow") res.once("finish", () => req.socket.destroy());
}

function readBody(req: IncomingMessage): Promise<Buffer | "too_large" | "too_slow" | "aborted"> {
  const declared = Number(req.headers["content-length"] ?? 0);
  if (declared > MAX_BODY_BYTES) {
    req.resume();
    return Promise.resolve("too_large");
  }
  return new Promise((settle) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const timer = setTimeout(() => {
      if (!done) resolve("too_slow");
      done = true;
    }, BODY_TIMEOUT_MS);
    const resolve = (v: Buffer | "too_large" | "too_slow" | "aborted") => {
      clearTimeout(timer);
      settle(v);
    };
    req.on("data", (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        done = true;
        resolve("too_large");
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => {
      if (!done) resolve(Buffer.concat(chunks));
      done = true;
    });
    req.on("error", () => {
      if (!done) resolve("aborted");
      done = true;
    });
    req.on("close", () => {
      if (!done) resolve("aborted");
      done = true;
    });
  });
}

/** The client address: the socket's, or the one the nth trusted proxy reported. */
export function sourceAddress(req: IncomingMessage, trustedHops: number): string {
  const socket = (req.socket.remoteAddress ?? "unknown").replace(/^::ffff:/, "");
  if (trustedHops === 0) return socket;
  const header = req.headers["x-forwarded-for"];
  const hops = (Array.isArray(header) ? header.join(",") : (header ?? "")).split(",").map((s) => s.trim()).filter(Boolean);
  return hops[hops.length - trustedHops] ?? hops[0] ?? socket;
}
