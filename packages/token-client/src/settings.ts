// Settings come from options first, then from the variables of the console's
// credentials file (the names Camunda's own clients read), then defaults.
import os from "node:os";
import path from "node:path";
import { TokenClientConfigError } from "./errors.js";

export type Env = Record<string, string | undefined>;

export interface TokenClientOptions {
  /** Default: ZEEBE_CLIENT_ID, then CAMUNDA_CLIENT_ID. */
  clientId?: string;
  /** Default: ZEEBE_CLIENT_SECRET, then CAMUNDA_CLIENT_SECRET. */
  clientSecret?: string;
  /** Token endpoint. Default: ZEEBE_AUTHORIZATION_SERVER_URL, then CAMUNDA_OAUTH_URL. */
  tokenUrl?: string;
  /** Default: ZEEBE_TOKEN_AUDIENCE, then CAMUNDA_TOKEN_AUDIENCE (omitted from the request when unset: the server picks the client's default). */
  audience?: string;
  /** Default: CAMUNDA_TOKEN_SCOPE (omitted when unset). */
  scope?: string;
  /**
   * Folder for the on-disk cache, or `false` to keep tokens in memory only.
   * Default: CLUSTER_CONSOLE_TOKEN_CACHE_DIR, then CAMUNDA_TOKEN_CACHE_DIR, then
   * `$XDG_CACHE_HOME/cluster-console/tokens`, then `~/.cache/cluster-console/tokens`.
   * CAMUNDA_TOKEN_DISK_CACHE_DISABLE=true turns it off.
   */
  cacheDir?: string | false;
  /** Refresh this long before expiry (at most half the token's lifetime). Default 60 s. */
  refreshMarginSeconds?: number;
  /** Longest total time to wait on 429 Retry-After before giving up. Default 60 s. */
  maxRetryWaitSeconds?: number;
  /** Timeout of one token request. Default 10 s. */
  requestTimeoutMs?: number;
  /** The environment to read; default `process.env`. */
  env?: Env;
  /** Injected for tests and special runtimes. */
  fetch?: typeof globalThis.fetch;
  /** Clock in epoch milliseconds; default `Date.now`. */
  now?: () => number;
}

export interface ResolvedSettings {
  clientId: string;
  clientSecret: string;
  tokenUrl: string;
  audience?: string;
  scope?: string;
  cacheDir?: string;
  refreshMarginMs: number;
  maxRetryWaitMs: number;
  requestTimeoutMs: number;
  fetch: typeof globalThis.fetch;
  now: () => number;
}

const first = (...values: (string | undefined)[]) => values.map((v) => v?.trim()).find((v) => v);

function nonNegative(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value < 0) throw new TokenClientConfigError(`${name} must be a non-negative number.`);
  return value;
}

/** The documented default cache folder. */
export function defaultCacheDir(env: Env = process.env): string {
  const xdg = env.XDG_CACHE_HOME?.trim();
  const base = xdg && path.isAbsolute(xdg) ? xdg : path.join(os.homedir(), ".cache");
  return path.join(base, "cluster-console", "tokens");
}

export function resolveSettings(options: TokenClientOptions = {}): ResolvedSettings {
  const env = options.env ?? process.env;
  const clientId = first(options.clientId, env.ZEEBE_CLIENT_ID, env.CAMUNDA_CLIENT_ID);
  // The secret is used verbatim (no trim): it is opaque.
  const clientSecret = [options.clientSecret, env.ZEEBE_CLIENT_SECRET, env.CAMUNDA_CLIENT_SECRET].find((v) => v);
  const tokenUrl = first(options.tokenUrl, env.ZEEBE_AUTHORIZATION_SERVER_URL, env.CAMUNDA_OAUTH_URL);
  const missing = [
    !clientId && "ZEEBE_CLIENT_ID",
    !clientSecret && "ZEEBE_CLIENT_SECRET",
    !tokenUrl && "ZEEBE_AUTHORIZATION_SERVER_URL (or CAMUNDA_OAUTH_URL)",
  ].filter(Boolean);
  if (missing.length) {
    throw new TokenClientConfigError(
      `Missing ${missing.join(", ")}. Source the credentials file from the console (source credentials.env) or pass options.`,
    );
  }
  let url: URL;
  try {
    url = new URL(tokenUrl!);
  } catch {
    throw new TokenClientConfigError("The token URL (ZEEBE_AUTHORIZATION_SERVER_URL) is not a valid URL.");
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new TokenClientConfigError("The token URL (ZEEBE_AUTHORIZATION_SERVER_URL) must be an http(s) URL.");
  }
  if (url.username || url.password) throw new TokenClientConfigError("The token URL must not contain credentials.");

  const diskOff = /^(1|true|yes)$/i.test(env.CAMUNDA_TOKEN_DISK_CACHE_DISABLE?.trim() ?? "");
  let cacheDir: string | undefined;
  if (options.cacheDir === false) cacheDir = undefined;
  else if (options.cacheDir) cacheDir = path.resolve(options.cacheDir);
  else if (!diskOff) {
    const fromEnv = first(env.CLUSTER_CONSOLE_TOKEN_CACHE_DIR, env.CAMUNDA_TOKEN_CACHE_DIR);
    cacheDir = fromEnv ? path.resolve(fromEnv) : defaultCacheDir(env);
  }

  const fetchImpl = options.fetch ?? globalThis.fetch;
  if (typeof fetchImpl !== "function") throw new TokenClientConfigError("No fetch implementation: use Node.js 20 or later.");
  return {
    clientId: clientId!,
    clientSecret: clientSecret!,
    tokenUrl: url.toString(),
    audience: first(options.audience, env.ZEEBE_TOKEN_AUDIENCE, env.CAMUNDA_TOKEN_AUDIENCE),
    scope: first(options.scope, env.CAMUNDA_TOKEN_SCOPE),
    cacheDir,
    refreshMarginMs: nonNegative("refreshMarginSeconds", options.refreshMarginSeconds, 60) * 1000,
    maxRetryWaitMs: nonNegative("maxRetryWaitSeconds", options.maxRetryWaitSeconds, 60) * 1000,
    requestTimeoutMs: nonNegative("requestTimeoutMs", options.requestTimeoutMs, 10_000),
    fetch: fetchImpl,
    now: options.now ?? Date.now,
  };
}
