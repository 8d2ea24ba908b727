// Outgoing webhook requests go to URLs that users typed: server-side request
// forgery is the risk. So: https only in production; no credentials in the
// URL; every address a name resolves to is checked, and the request is pinned
// to the checked address (no second lookup to rebind); loopback, link-local,
// private and other special ranges are refused unless
// WEBHOOK_ALLOW_PRIVATE_ADDRESSES=on; redirects are followed at most 3 times,
// each checked the same way; connecting and the whole answer are bounded by
// WEBHOOK_TIMEOUT_SECONDS, and at most 64 KiB of the answer is read.
import { lookup } from "node:dns/promises";
import http from "node:http";
import https from "node:https";
import { BlockList, isIP } from "node:net";
import { config } from "@/lib/config";

export const MAX_RESPONSE_BYTES = 64 * 1024;
const MAX_REDIRECTS = 3;

const blocked = new BlockList();
for (const [net, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const) blocked.addSubnet(net, prefix, "ipv4");
for (const [net, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["64:ff9b::", 96],
  ["100::", 64],
  ["2001:db8::", 32],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
] as const) blocked.addSubnet(net, prefix, "ipv6");

/** Loopback, link-local, private, shared, documentation, multicast or reserved. */
export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return blocked.check(address, "ipv4");
  if (family !== 6) return true;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return blocked.check(mapped[1]!, "ipv4");
  return blocked.check(address, "ipv6");
}

export class RefusedUrl extends Error {}

/** The rules a URL must follow before any address is looked at; a message for a person, or null. */
export function urlProblem(raw: string, production = config().NODE_ENV === "production"): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return "Enter a full URL, such as https://hooks.example.com/console.";
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return "The URL must start with https://.";
  if (production && url.protocol !== "https:") return "The URL must start with https://: the console sends events only over https.";
  if (url.username || url.password) return "Leave credentials out of the URL: receivers verify the signature instead.";
  if (url.hash) return "Leave the #fragment out of the URL.";
  if (raw.length > 2000) return "The URL is too long (at most 2000 characters).";
  return null;
}

/** The address to connect to, after checking every address the name has. */
async function checkedAddress(hostname: string, allowPrivate: boolean): Promise<{ address: string; family: number }> {
  const host = hostname.replace(/^\[|\]$/g, "");
  const addresses = isIP(host) ? [{ address: host, family: isIP(host) }] : await lookup(host, { all: true, verbatim: true });
  if (!addresses.length) throw new RefusedUrl(`${host} has no address`);
  if (!allowPrivate) {
    const bad = addresses.find((a) => isPrivateAddress(a.address));
    if (bad) throw new RefusedUrl(`${host} resolves to a private or loopback address (${bad.address}), which webhooks may not reach`);
  }
  return addresses[0]!;
}

export interface OutgoingResult {
  status: number;
  /** At most MAX_RESPONSE_BYTES of the answer. */
  body: string;
  durationMs: number;
}

/** POST `body` to `rawUrl` under the rules above. Throws RefusedUrl, or a network error or time-out. */
export async function postChecked(rawUrl: string, body: string, headers: Record<string, string>): Promise<OutgoingResult> {
  const cfg = config();
  const allowPrivate = cfg.WEBHOOK_ALLOW_PRIVATE_ADDRESSES === "on";
  const timeoutMs = cfg.WEBHOOK_TIMEOUT_SECONDS * 1000;
  const started = performance.now();
  const deadline = Date.now() + timeoutMs;
  let url = rawUrl;
  for (let hop = 0; ; hop++) {
    const problem = urlProblem(url, cfg.NODE_ENV === "production");
    if (problem) throw new RefusedUrl(problem);
    const target = new URL(url);
    const pinned = await checkedAddress(target.hostname, allowPrivate);
    const res = await once(target, pinned, body, headers, Math.max(1, deadline - Date.now()));
    if (res.status >= 300 && res.status < 400 && res.location) {
      if (hop >= MAX_REDIRECTS) throw new RefusedUrl(`more than ${MAX_REDIRECTS} redirects`);
      url = new URL(res.location, target).toString();
      continue;
    }
    return { status: res.status, body: res.body, durationMs: Math.round(performance.now() - started) };
  }
}

function once(
  target: URL,
  pinned: { address: string; family: number },
  body: string,
  headers: Record<string, string>,
  timeoutMs: number,
): Promise<{ status: number; body: string; location?: string }> {
  return new Promise((resolve, reject) => {
    const mod = target.protocol === "https:" ? https : http;
    const req = mod.request(
      target,
      {
        method: "POST",
        headers: { "Content-Type": "application/json", "Content-Length": String(Buffer.byteLength(body)), "User-Agent": "cluster-console-webhooks", ...headers },
        // The checked address, not a second lookup (DNS rebinding); TLS still verifies the name.
        lookup: ((_host: string, opts: { all?: boolean }, cb: (...args: unknown[]) => void) =>
          opts?.all ? cb(null, [pinned]) : cb(null, pinned.address, pinned.family)) as never,
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on("data", (c: Buffer) => {
          if (size >= MAX_RESPONSE_BYTES) return;
          chunks.push(c.subarray(0, MAX_RESPONSE_BYTES - size));
          size += c.length;
          if (size >= MAX_RESPONSE_BYTES) {
            // Enough: the rest is not read.
            finish();
            res.destroy();
          }
        });
        const finish = () => {
          clearTimeout(timer);
          const location = res.headers.location;
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8"), ...(location ? { location } : {}) });
        };
        res.on("end", finish);
        res.on("error", (err) => {
          clearTimeout(timer);
          reject(err);
        });
      },
    );
    const timer = setTimeout(() => req.destroy(new Error(`no answer within ${Math.round(timeoutMs / 1000)} s`)), timeoutMs);
    req.on("error", (err) => {
      clearTimeout(timer);
      reject(err);
    });
    req.end(body);
  });
}
