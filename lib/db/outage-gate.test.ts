// The gate in front of Next.js (scripts/start-up/request-pipeline.ts) on a plain node:http server:
// what it answers while the database is unreachable, and the late 500 it turns
// into a 503. The whole path with a real console and a stopped PostgreSQL:
// tests/integration/faults/postgres-outage.test.ts.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseOutageGate, needsDatabase } from "./outage-gate";

let reachable = true;
let server: http.Server;
let url: string;

beforeAll(async () => {
  const gate = databaseOutageGate(() => reachable);
  server = http.createServer((req, res) => {
    if (gate(req, res)) return;
    // Stands in for Next.js: a page that fails as the database goes away.
    if (req.url === "/fails") {
      reachable = false;
      res.statusCode = 500;
      res.end("error page");
      return;
    }
    res.end("page");
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe("database outage gate", () => {
  it("knows which paths need no database", () => {
    for (const p of ["/_next/static/chunks/a.js", "/favicon.ico", "/docs/cache-tokens", "/docs"]) expect(needsDatabase(p)).toBe(false);
    for (const p of ["/", "/clusters", "/api/auth/session", "/documents", "/signin?x=/docs"]) expect(needsDatabase(p)).toBe(true);
  });

  it("passes requests through while the database is reachable", async () => {
    reachable = true;
    const res = await fetch(`${url}/clusters`);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe("page");
  });

  it("answers 503 with a self-contained page while it is not, static paths still served", async () => {
    reachable = false;
    const res = await fetch(`${url}/clusters`);
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBe("5");
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.headers.get("content-security-policy")).toContain("default-src 'none'");
    expect(await res.text()).toContain("Temporarily unavailable");
    expect((await fetch(`${url}/docs/cache-tokens`)).status).toBe(200);
    expect((await fetch(`${url}/clusters`, { method: "HEAD" })).status).toBe(503);
  });

  it("turns a 500 into a 503 when the database went away during the request", async () => {
    reachable = true;
    const res = await fetch(`${url}/fails`);
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBe("5");
    expect(await res.text()).toBe("error page");
  });
});
