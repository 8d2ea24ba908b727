// The public keys a secret scanner signs its leak reports with: GitHub
// publishes them at https://api.github.com/meta/public_keys/secret_scanning as
//   {"public_keys": [{"key_identifier": "...", "key": "-----BEGIN PUBLIC KEY-----...", "is_current": true}]}
// (ECDSA P-256). A self-hosted scanner's keys can be set in the configuration
// instead or as well (LEAK_SCANNER_PUBLIC_KEYS, same entries).
//
// The URL is read when a report names a key identifier not known yet, at most
// once a minute whatever arrives (an unsigned caller choosing identifiers
// cannot make the console fetch more often), with a time limit and a bounded
// body; the keys read are kept until the next read.
import { createPublicKey, type KeyObject } from "node:crypto";
import type { ScannerKey } from "@/lib/config";

const REFETCH_MS = 60_000;
const FETCH_TIMEOUT_MS = 5_000;
const MAX_KEYS_BODY = 256 * 1024;
const MAX_KEYS = 50;

export type FetchKeys = (url: string, signal: AbortSignal) => Promise<Response>;

/** A P-256 public key from PEM, or undefined for anything else. */
export function p256Key(pem: string): KeyObject | undefined {
  try {
    const key = createPublicKey(pem);
    if (key.asymmetricKeyType !== "ec" || key.asymmetricKeyDetails?.namedCurve !== "prime256v1") return undefined;
    return key;
  } catch {
    return undefined;
  }
}

function toMap(entries: readonly ScannerKey[]): Map<string, KeyObject> {
  const map = new Map<string, KeyObject>();
  for (const e of entries.slice(0, MAX_KEYS)) {
    const key = p256Key(e.key);
    if (key && typeof e.key_identifier === "string" && e.key_identifier.length <= 200) map.set(e.key_identifier, key);
  }
  return map;
}

export class ScannerKeys {
  private readonly configured: Map<string, KeyObject>;
  private fetched = new Map<string, KeyObject>();
  private lastFetch = -Infinity;
  private inFlight: Promise<void> | undefined;

  constructor(
    private readonly url: string | null,
    configured: readonly ScannerKey[],
    private readonly fetchKeys: FetchKeys = (url, signal) => fetch(url, { signal, headers: { accept: "application/json" } }),
    private readonly now: () => number = Date.now,
  ) {
    this.configured = toMap(configured);
  }

  /** The key with this identifier, reading the published list again if it is not known (at most once a minute). */
  async find(keyIdentifier: string): Promise<KeyObject | undefined> {
    const known = this.configured.get(keyIdentifier) ?? this.fetched.get(keyIdentifier);
    if (known || this.url === null) return known;
    if (this.now() - this.lastFetch >= REFETCH_MS) {
      this.lastFetch = this.now();
      this.inFlight ??= this.refresh(this.url).finally(() => (this.inFlight = undefined));
    }
    if (this.inFlight) await this.inFlight;
    return this.fetched.get(keyIdentifier);
  }

  private async refresh(url: string): Promise<void> {
    try {
      const res = await this.fetchKeys(url, AbortSignal.timeout(FETCH_TIMEOUT_MS));
      if (!res.ok) return;
      const text = await boundedText(res, MAX_KEYS_BODY);
      if (text === undefined) return;
      const doc = JSON.parse(text) as { public_keys?: unknown };
      if (!Array.isArray(doc.public_keys)) return;
      this.fetched = toMap(doc.public_keys.filter((k): k is ScannerKey => typeof k === "object" && k !== null && typeof (k as ScannerKey).key === "string"));
    } catch {
      // Unreachable or malformed: keep what was known; the report is refused as unverifiable.
    }
  }
}

/** The body as text, or undefined once it passes `max` bytes (the rest is not read). */
export async function boundedText(res: Response, max: number): Promise<string | undefined> {
  const bytes = await boundedBytes(res.body, max);
  return bytes === undefined ? undefined : new TextDecoder().decode(bytes);
}

export async function boundedBytes(body: ReadableStream<Uint8Array> | null, max: number): Promise<Uint8Array | undefined> {
  if (!body) return new Uint8Array();
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => {});
      return undefined;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}
