// Every request the server makes to an organization's identity provider
// (discovery, JWKS, token endpoint) goes through this fetch. The issuer URL is
// typed by an owner, so the server must not be pointed at its own network:
//  - only https in production (http only outside production, or to an
//    address that SSO_ALLOW_PRIVATE_ISSUERS allows);
//  - every address the host name resolves to is checked *at connection time*
//    (the socket's own DNS lookup), so a name that resolves to a public
//    address for a check and to 127.0.0.1 for the request (DNS rebinding)
//    is refused too: loopback, link-local, private, shared, multicast and
//    reserved ranges, IPv4-mapped IPv6 included, unless SSO_ALLOW_PRIVATE_ISSUERS
//    (an address written in the URL is checked before connecting: Node does not look it up);
//  - no redirects are followed;
//  - each answer must arrive within PROVIDER_TIMEOUT_MS and be at most
//    MAX_RESPONSE_BYTES long.
// Failures are IssuerFetchRefused with a sentence an owner can act on.
import "server-only";
import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import http from "node:http";
import https from "node:https";
import { BlockList, isIP, type LookupFunction } from "node:net";
import { config } from "@/lib/config";

export const PROVIDER_TIMEOUT_MS = 5_000;
export const MAX_RESPONSE_BYTES = 256 * 1024;

export class IssuerFetchRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = "IssuerFetchRefused";
  }
}

const NOT_PUBLIC = new BlockList();
for (const [net, bits] of [
  ["0.0.0.0", 8], ["10.0.0.0", 8], ["100.64.0.0", 10], ["127.0.0.0", 8], ["169.254.0.0", 16], ["172.16.0.0", 12],
  ["192.0.0.0", 24], ["192.0.2.0", 24], ["192.88.99.0", 24], ["192.168.0.0", 16], ["198.18.0.0", 15], ["198.51.100.0", 24],
  ["203.0.113.0", 24], ["224.0.0.0", 4], ["240.0.0.0", 4],
] as const) NOT_PUBLIC.addSubnet(net, bits, "ipv4");
for (const [net, bits] of [
  ["::", 128], ["::1", 128], ["64:ff9b::", 96], ["64:ff9b:1::", 48], ["100::", 64], ["2001::", 23], ["2001:db8::", 32],
  ["fc00::", 7], ["fe80::", 10], ["fec0::", 10], ["ff00::", 8],
] as const) NOT_PUBLIC.addSubnet(net, bits, "ipv6");

/** Whether an IP address is loopback, link-local, private or otherwise not a public unicast address. */
export function isNonPublicAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return NOT_PUBLIC.check(address, "ipv4");
  if (family === 6) {
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
    if (mapped?.[1]) return NOT_PUBLIC.check(mapped[1], "ipv4");
    if (/^::ffff:/i.test(address)) return true; // hex-written mapped forms: refuse rather than parse
    return NOT_PUBLIC.check(address, "ipv6");
  }
  return true;
}

const allowPrivate = () => config().SSO_ALLOW_PRIVATE_ISSUERS === "true";
const production = () => config().NODE_ENV === "production";

/** Checks a URL's form before anything is fetched; the addresses are checked when connecting. */
export function checkProviderUrl(raw: string | URL): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new IssuerFetchRefused("The address is not a URL.");
  }
  if (url.username || url.password) throw new IssuerFetchRefused("The address must not contain a user name or password.");
  if (url.protocol !== "https:" && url.protocol !== "http:") throw new IssuerFetchRefused("The address must start with https://.");
  if (url.protocol === "http:" && production() && !allowPrivate()) {
    throw new IssuerFetchRefused("The address must start with https://.");
  }
  return url;
}

/** Why the server will not connect to this address, if it will not. */
function addressRefusal(hostname: string, address: string, plainHttp: boolean): IssuerFetchRefused | undefined {
  if (isNonPublicAddress(address) && !allowPrivate()) {
    return new IssuerFetchRefused(`${hostname} is ${address}, a loopback, link-local or private address, which this server does not contact.`);
  }
  // In production, plain http only to an address the setting allows (never across the internet).
  if (plainHttp && production() && !isNonPublicAddress(address)) return new IssuerFetchRefused("The address must start with https://.");
  return undefined;
}

function guardedLookup(plainHttp: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (err, addresses: LookupAddress[]) => {
      if (err) return callback(new IssuerFetchRefused(`The host name ${hostname} could not be resolved.`), "", 4);
      for (const a of addresses) {
        const refused = addressRefusal(hostname, a.address, plainHttp);
        if (refused) return callback(refused, "", 4);
      }
      const first = addresses[0];
      if (!first) return callback(new IssuerFetchRefused(`The host name ${hostname} could not be resolved.`), "", 4);
      if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      callback(null, first.address, first.family);
    });
  };
}

type Body = string | URLSearchParams | Uint8Array | ArrayBuffer | null | undefined;

interface FetchInit {
  method?: string;
  headers?: HeadersInit;
  body?: Body | ReadableStream;
  signal?: AbortSignal | null;
}

function bodyBytes(body: FetchInit["body"]): Buffer | undefined {
  if (body === undefined || body === null) return undefined;
  if (typeof body === "string") return Buffer.from(body);
  if (body instanceof URLSearchParams) return Buffer.from(body.toString());
  if (body instanceof ArrayBuffer) return Buffer.from(body);
  if (body instanceof Uint8Array) return Buffer.from(body);
  throw new IssuerFetchRefused("Streaming request bodies are not sent to identity providers.");
}

/** fetch() for identity providers, with the checks above; the answer is a standard Response. */
export async function providerFetch(input: string | URL, init: FetchInit = {}): Promise<Response> {
  const url = checkProviderUrl(input);
  const plainHttp = url.protocol === "http:";
  // An address written as such is never looked up (Node skips `lookup` for
  // it), so it is checked here; URL has already turned 127.1 or 2130706433 into 127.0.0.1.
  const literal = url.hostname.replace(/^\[|\]$/g, "");
  if (isIP(literal)) {
    const refused = addressRefusal(url.hostname, literal, plainHttp);
    if (refused) throw refused;
  }
  const headers = new Headers(init.headers);
  const body = bodyBytes(init.body);
  if (body) headers.set("content-length", String(body.length));
  return new Promise<Response>((resolve, reject) => {
    let settled = false;
    const fail = (err: Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req.destroy();
      reject(err);
    };
    const timer = setTimeout(
      () => fail(new IssuerFetchRefused(`The identity provider did not answer within ${PROVIDER_TIMEOUT_MS / 1000} seconds.`)),
      PROVIDER_TIMEOUT_MS,
    );
    // openid-client and jose abort on their own time-outs (set to the same limit).
    const onAbort = () => fail(new IssuerFetchRefused(`The identity provider did not answer within ${PROVIDER_TIMEOUT_MS / 1000} seconds.`));
    init.signal?.addEventListener("abort", onAbort, { once: true });
    const req = (plainHttp ? http : https).request(
      url,
      {
        method: init.method ?? "GET",
        headers: Object.fromEntries(headers),
        lookup: guardedLookup(plainHttp),
        // A socket of its own each time: a pooled one could skip the lookup above.
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on("data", (chunk: Buffer) => {
          size += chunk.length;
          if (size > MAX_RESPONSE_BYTES) {
            fail(new IssuerFetchRefused(`The identity provider's answer is larger than ${MAX_RESPONSE_BYTES / 1024} KiB.`));
            return;
          }
          chunks.push(chunk);
        });
        res.on("error", (err) => fail(err));
        res.on("end", () => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          init.signal?.removeEventListener("abort", onAbort);
          const status = res.statusCode ?? 502;
          const out = new Headers();
          for (const [k, v] of Object.entries(res.headers)) {
            if (Array.isArray(v)) for (const item of v) out.append(k, item);
            else if (v !== undefined) out.set(k, v);
          }
          const nullBody = status === 204 || status === 304 || (init.method ?? "GET") === "HEAD";
          resolve(new Response(nullBody ? null : Buffer.concat(chunks), { status: status < 200 || status > 599 ? 502 : status, headers: out }));
        });
      },
    );
    req.on("error", (err) => {
      if (err instanceof IssuerFetchRefused) return fail(err);
      const code = (err as NodeJS.ErrnoException).code;
      fail(new IssuerFetchRefused(
        code === "ECONNREFUSED" ? `The identity provider at ${url.host} refused the connection.`
        : code?.startsWith("ERR_TLS") || code?.includes("CERT") ? `The identity provider's TLS certificate at ${url.host} is not trusted (${code}).`
        : `The identity provider at ${url.host} could not be reached (${code ?? err.name}).`,
      ));
    });
    req.end(body);
  });
}

/** The IssuerFetchRefused behind an error (openid-client and jose wrap what fetch throws), if any. */
export function refusalIn(err: unknown): IssuerFetchRefused | undefined {
  for (let e = err, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if (e instanceof IssuerFetchRefused) return e;
  }
  return undefined;
}
