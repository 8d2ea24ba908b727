// The token client: getToken() answers from memory, else from the on-disk
// cache, else from the token endpoint; refreshes a margin before expiry;
// shares one in-flight request between concurrent callers; waits out 429s
// (bounded) and remembers the block so it never hammers the endpoint.
//
// The secret lives only in a private field. It is not enumerable, and
// toJSON/toString/util.inspect show the client ID and URLs only.
import { DiskTokenCache, type CachedToken } from "./disk-cache.js";
import { InvalidClientError, RateLimitedError } from "./errors.js";
import { resolveSettings, type ResolvedSettings, type TokenClientOptions } from "./settings.js";
import { requestToken } from "./token-request.js";

export interface TokenInfo {
  accessToken: string;
  tokenType: string;
  expiresAt: Date;
  /** Scopes the server granted, space-separated. */
  scope?: string;
  /** Where this answer came from. */
  source: "memory" | "disk" | "server";
}

const MAX_TRANSIENT_ATTEMPTS = 3;
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
const monotonic = () => performance.now();

export class TokenClient {
  readonly clientId: string;
  readonly tokenUrl: string;
  readonly audience: string | undefined;
  /** The cache file this client reads and writes, if the disk cache is on. */
  readonly cacheFile: string | undefined;

  readonly #s: ResolvedSettings;
  readonly #disk: DiskTokenCache | undefined;
  #memory: CachedToken | undefined;
  #inflight: Promise<TokenInfo> | undefined;
  /** Monotonic time until which the server told us to stay away. */
  #blockedUntil = 0;

  constructor(options: TokenClientOptions = {}) {
    this.#s = resolveSettings(options);
    this.clientId = this.#s.clientId;
    this.tokenUrl = this.#s.tokenUrl;
    this.audience = this.#s.audience;
    const { tokenUrl, clientId, audience, scope, cacheDir } = this.#s;
    this.#disk = cacheDir ? new DiskTokenCache(cacheDir, { tokenUrl, clientId, audience, scope }) : undefined;
    this.cacheFile = this.#disk?.file;
  }

  /** A valid access token. */
  async getToken(): Promise<string> {
    return (await this.getTokenInfo()).accessToken;
  }

  /** A valid access token with its expiry and where it came from. */
  async getTokenInfo(): Promise<TokenInfo> {
    const m = this.#memory;
    if (m && this.#isFresh(m)) return info(m, "memory");
    this.#inflight ??= this.#obtain().finally(() => {
      this.#inflight = undefined;
    });
    return this.#inflight;
  }

  /** `{ Authorization: "Bearer <token>" }`, to spread into request headers. */
  async authHeaders(): Promise<{ Authorization: string }> {
    return { Authorization: `Bearer ${await this.getToken()}` };
  }

  /**
   * `fetch` with `Authorization: Bearer <token>`. On 401 the token is dropped
   * (from memory and disk) and the request is sent once more with a new one.
   * A request whose body is a stream cannot be replayed and is not retried.
   */
  async fetch(input: string | URL | Request, init: RequestInit = {}): Promise<Response> {
    const replayable = !(init.body instanceof ReadableStream) && !(input instanceof Request && input.body && init.body === undefined);
    const token = await this.getToken();
    const first = input instanceof Request && replayable ? input.clone() : input;
    const res = await this.#s.fetch(first, withBearer(input, init, token));
    if (res.status !== 401 || !replayable) return res;
    await this.invalidate(token);
    const fresh = await this.getToken();
    await res.body?.cancel().catch(() => {});
    return this.#s.fetch(input, withBearer(input, init, fresh));
  }

  /** Forgets a token the resource server rejected (or the current one), in memory and on disk. */
  async invalidate(accessToken?: string): Promise<void> {
    const token = accessToken ?? this.#memory?.accessToken;
    if (!token) return;
    if (this.#memory?.accessToken === token) this.#memory = undefined;
    await this.#disk?.discard(token);
  }

  toJSON() {
    return { clientId: this.clientId, tokenUrl: this.tokenUrl, audience: this.audience, cacheFile: this.cacheFile };
  }

  toString() {
    return `TokenClient(${this.clientId} @ ${this.tokenUrl})`;
  }

  [Symbol.for("nodejs.util.inspect.custom")]() {
    return `TokenClient ${JSON.stringify(this.toJSON())}`;
  }

  #isFresh(t: CachedToken): boolean {
    const margin = Math.min(this.#s.refreshMarginMs, (t.expiresAt - t.obtainedAt) / 2);
    return this.#s.now() < t.expiresAt - margin;
  }

  async #obtain(): Promise<TokenInfo> {
    const cached = await this.#disk?.read();
    if (cached && this.#isFresh(cached)) {
      this.#memory = cached;
      return info(cached, "disk");
    }
    let token: CachedToken;
    try {
      token = await this.#fromServer();
    } catch (e) {
      // Inside the refresh margin the old token still works: keep using it
      // while the server is busy or unreachable, but never after a refusal.
      const old = this.#memory ?? cached;
      if (!(e instanceof InvalidClientError) && old && this.#s.now() < old.expiresAt - 1000) return info(old, old === cached ? "disk" : "memory");
      throw e;
    }
    this.#memory = token;
    await this.#disk?.write(token);
    return info(token, "server");
  }

  async #fromServer(): Promise<CachedToken> {
    const s = this.#s;
    const scrub = (text: string) => scrubSecret(text, s.clientSecret);
    let waited = 0;
    let transient = 0;
    for (;;) {
      const blockedMs = Math.ceil(this.#blockedUntil - monotonic());
      if (blockedMs > 0) {
        if (waited + blockedMs > s.maxRetryWaitMs) {
          throw new RateLimitedError(s.clientId, s.tokenUrl, Math.ceil(blockedMs / 1000), s.maxRetryWaitMs / 1000);
        }
        await sleep(blockedMs);
        waited += blockedMs;
      }
      const answer = await requestToken(s, scrub);
      if (answer.kind === "token") return answer.token;
      if (answer.kind === "rate_limited") {
        this.#blockedUntil = monotonic() + Math.max(answer.retryAfterMs, 1000);
        continue;
      }
      // Network error or 5xx: back off 1 s, 2 s, then give up.
      transient++;
      const backoff = 1000 * 2 ** (transient - 1) * (0.75 + Math.random() / 2);
      if (transient >= MAX_TRANSIENT_ATTEMPTS || waited + backoff > s.maxRetryWaitMs) throw answer.error;
      await sleep(backoff);
      waited += backoff;
    }
  }
}

function info(t: CachedToken, source: TokenInfo["source"]): TokenInfo {
  return { accessToken: t.accessToken, tokenType: t.tokenType, expiresAt: new Date(t.expiresAt), scope: t.grantedScope, source };
}

function withBearer(input: string | URL | Request, init: RequestInit, token: string): RequestInit {
  const headers = new Headers(init.headers ?? (input instanceof Request ? input.headers : undefined));
  headers.set("authorization", `Bearer ${token}`);
  return { ...init, headers };
}

/** Removes the secret (raw and URL-encoded) from text that came from elsewhere. */
export function scrubSecret(text: string, secret: string): string {
  let out = text;
  for (const form of new Set([secret, encodeURIComponent(secret), new URLSearchParams({ s: secret }).toString().slice(2)])) {
    if (form) out = out.split(form).join("[redacted]");
  }
  return out;
}
