import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REQUEST_KEY_HEADER, requestSignal, trackRequest, trackedRequests } from "@/lib/http/request-abort";

// A server that tracks each request as the pipeline does, and answers after `?wait=` ms.
const seen: Array<{ key: string; signal: AbortSignal | undefined }> = [];
let server: http.Server;
let port: number;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    trackRequest(req, res);
    const key = req.headers[REQUEST_KEY_HEADER] as string;
    seen.push({ key, signal: requestSignal(key) });
    const wait = Number(new URL(req.url!, "http://x").searchParams.get("wait") ?? 0);
    setTimeout(() => res.end("done"), wait);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

function request(wait: number, opts: { closeAfterMs?: number; key?: string } = {}): Promise<string> {
  return new Promise((resolve) => {
    const req = http.get({ port, host: "127.0.0.1", path: `/?wait=${wait}`, agent: false, headers: opts.key ? { [REQUEST_KEY_HEADER]: opts.key } : {} }, (res) => {
      let text = "";
      res.on("data", (d: Buffer) => (text += d.toString()));
      res.on("end", () => resolve(text));
    });
    req.on("error", () => resolve("closed"));
    if (opts.closeAfterMs !== undefined) setTimeout(() => req.destroy(), opts.closeAfterMs);
  });
}

describe("request abort signals", () => {
  it("aborts the signal of a request whose caller hangs up before the answer, and forgets it", async () => {
    expect(await request(2_000, { closeAfterMs: 100 })).toBe("closed");
    const { signal } = seen.at(-1)!;
    await expect.poll(() => signal?.aborted).toBe(true);
    expect(trackedRequests()).toBe(0);
  });

  it("leaves the signal of an answered request alone, and forgets it too", async () => {
    expect(await request(20)).toBe("done");
    const { key, signal } = seen.at(-1)!;
    expect(signal?.aborted).toBe(false);
    await expect.poll(() => trackedRequests()).toBe(0);
    expect(requestSignal(key)).toBeUndefined();
  });

  it("replaces a key the caller sent: another request's signal cannot be named", async () => {
    const victim = request(500);
    await expect.poll(() => seen.length).toBeGreaterThan(2);
    const victimKey = seen.at(-1)!.key;
    expect(await request(0, { key: victimKey })).toBe("done");
    expect(seen.at(-1)!.key).not.toBe(victimKey);
    await victim;
    expect(seen.at(-2)!.signal?.aborted).toBe(false);
  });
});
