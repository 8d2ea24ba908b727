// A loopback reverse proxy in front of a test authorization server that
// counts token requests, so client-side caching can be asserted against the
// real endpoint ("one request for 100 callers", "one request for two
// processes"). It stamps X-Forwarded-For with one address per proxy, which
// gives each test its own rate-limit bucket (the test servers trust one hop).
import http from "node:http";
import type { AddressInfo } from "node:net";
import { testIp } from "./oauth-factories";

export interface CountingProxy {
  url: string;
  tokenUrl: string;
  /** POST /oauth/token requests forwarded so far. */
  tokenRequests(): number;
  /** Status codes of those requests, in order. */
  statuses(): number[];
  close(): Promise<void>;
}

const HOP_HEADERS = new Set(["host", "connection", "content-length", "transfer-encoding", "keep-alive", "x-forwarded-for"]);

export async function startCountingProxy(upstream: string, ip = testIp()): Promise<CountingProxy> {
  const statuses: number[] = [];
  const server = http.createServer(async (req, res) => {
    try {
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      const headers = new Headers();
      for (const [k, v] of Object.entries(req.headers)) {
        if (!HOP_HEADERS.has(k) && typeof v === "string") headers.set(k, v);
      }
      headers.set("x-forwarded-for", ip);
      const up = await fetch(upstream + req.url, {
        method: req.method,
        headers,
        body: chunks.length ? Buffer.concat(chunks) : undefined,
      });
      const body = Buffer.from(await up.arrayBuffer());
      if (req.method === "POST" && req.url?.split("?")[0] === "/oauth/token") statuses.push(up.status);
      const out: Record<string, string> = {};
      up.headers.forEach((v, k) => {
        if (k !== "content-encoding" && k !== "content-length" && k !== "transfer-encoding" && k !== "connection") out[k] = v;
      });
      res.writeHead(up.status, out).end(body);
    } catch {
      res.writeHead(502).end();
    }
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    tokenUrl: `${url}/oauth/token`,
    tokenRequests: () => statuses.length,
    statuses: () => [...statuses],
    async close() {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    },
  };
}
