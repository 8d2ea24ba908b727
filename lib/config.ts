// All configuration comes from the environment, validated once with zod.
// `parseConfig()` throws a readable error listing every bad variable; the
// start-up script prints it and exits before anything listens.
//
// This is the one module that reads process.env (the start-up's
// local-environment step is the one that fills it in). NODE_ENV is the
// exception: Next.js replaces it at build time wherever it appears.
import { z } from "zod";

const regionList = z
  .string()
  .transform((s) => s.split(",").map((r) => r.trim()).filter(Boolean))
  .pipe(z.array(z.string().regex(/^[a-z0-9][a-z0-9-]{0,31}$/, "regions are lowercase DNS labels")).min(1));

/** An integer variable with a default and bounds. */
function int(fallback: number, min: number, max: number) {
  return z.coerce.number().int().min(min).max(max).default(fallback);
}

const audience = z.string().regex(/^[\x21-\x7e]{1,200}$/, "must be a non-empty string without spaces").optional();

/** Decodes a 32-byte key given as 64 hex characters or base64/base64url; undefined otherwise. */
export function decodeKey(value: string): Buffer | undefined {
  const v = value.trim();
  const bytes = /^[0-9a-fA-F]{64}$/.test(v) ? Buffer.from(v, "hex") : /^[A-Za-z0-9+/_-]{43}=?$/.test(v) ? Buffer.from(v, "base64") : undefined;
  return bytes?.length === 32 ? bytes : undefined;
}

/** A scanner's public key, as GitHub publishes them. */
export interface ScannerKey {
  key_identifier: string;
  key: string;
}

/** LEAK_SCANNER_PUBLIC_KEYS: undefined when it is not a JSON array of keys (at most 20). */
export function parseScannerKeys(value: string): ScannerKey[] | undefined {
  const entry = z.object({ key_identifier: z.string().min(1).max(200), key: z.string().min(1).max(10_000) });
  try {
    const parsed = z.array(entry).max(20).safeParse(JSON.parse(value));
    return parsed.success ? parsed.data.map((k) => ({ key_identifier: k.key_identifier, key: k.key })) : undefined;
  } catch {
    return undefined;
  }
}

const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** Where the console listens: read before the rest, since the default PUBLIC_URL names the port. */
const listenShape = {
  PORT: int(3000, 1, 65_535),
  /** Listen address; all interfaces when unset. */
  HOST: z.string().min(1).optional(),
};

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  ...listenShape,
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: "must be a postgresql:// URL" }),
  /**
   * The size of each of the process's two connection pools: Prisma's (pages and
   * actions) and the authorization server's. With the sign-in limits' pool of 2
   * and the LISTEN connection, one console process opens at most
   * 2 x DATABASE_POOL_SIZE + 3 connections.
   */
  DATABASE_POOL_SIZE: int(10, 1, 1_000),
  NEXTAUTH_SECRET: z.string().min(32, "must be at least 32 characters (openssl rand -base64 32)"),
  PUBLIC_URL: z.url({ protocol: /^https?$/ }).transform((u) => u.replace(/\/+$/, "")),
  CLUSTER_DOMAIN: z
    .string()
    .regex(/^([a-z0-9-]+\.)*[a-z0-9-]+$/, "must be a DNS domain such as camunda.io")
    .default("camunda.io"),
  CLUSTER_REGIONS: regionList.default(["bru-2", "jfk-1", "syd-1"]),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
  // The first owner for scripted installs; checked by lib/setup/bootstrap-first-owner.ts
  // with the setup form's own rules, so its messages name these variables.
  ADMIN_EMAIL: z.string().optional(),
  ADMIN_PASSWORD: z.string().optional(),
  ADMIN_NAME: z.string().optional(),
  ADMIN_ORG_NAME: z.string().optional(),
  /**
   * Server processes sharing the port (node:cluster) under `npm start`; dev
   * always runs one. Production: the number of cores (docs/operations.md, "Every core").
   */
  WEB_CONCURRENCY: int(1, 1, 64),
  /** json: one JSON object per line (production default); pretty: readable lines (development default). */
  LOG_FORMAT: z.enum(["json", "pretty"]).optional(),
  /** Bearer token for GET /metrics; unset: /metrics is disabled. */
  METRICS_TOKEN: z.string().min(16, "must be at least 16 characters (openssl rand -hex 32)").regex(/^[\x21-\x7e]+$/, "must be printable ASCII without spaces").optional(),
  /** How often each instance writes its usage counts (tokens per client per hour) to the database. */
  USAGE_FLUSH_SECONDS: int(5, 1, 300),
  /** off: no usage counting (the charts stay empty); for measuring its cost, or not wanting it. */
  USAGE_COUNTING: z.enum(["on", "off"]).default("on"),

  // Authorization server (packages/auth-server). Documented in docs/authorization-server.md.
  TOKEN_TTL_SECONDS: int(86_400, 300, 30 * 86_400),
  /**
   * A client that asks again for the same audience and scopes within this many
   * seconds gets the token it was just given (remaining expires_in) instead of
   * a new signature; 0 disables. Capped at half the token lifetime.
   */
  TOKEN_REUSE_SECONDS: int(300, 0, 30 * 86_400),
  SIGNING_ALG: z.enum(["RS256", "ES256", "EdDSA"]).default("RS256"),
  /** 32 bytes (base64, base64url or hex) that encrypt signing keys at rest. Required in production. */
  KEY_ENCRYPTION_KEY: z
    .string()
    .refine((v) => decodeKey(v) !== undefined, "must be 32 random bytes as base64 or hex (openssl rand -base64 32)")
    .optional(),
  /** The key before a KEY_ENCRYPTION_KEY change: values sealed under it still open until `npm run keys:reencrypt` has run. */
  KEY_ENCRYPTION_KEY_PREVIOUS: z
    .string()
    .refine((v) => decodeKey(v) !== undefined, "must be 32 random bytes as base64 or hex (openssl rand -base64 32)")
    .optional(),
  /** The address ranges the console's outgoing calls come from (GET /meta/ip-ranges), comma separated; empty by default. */
  EGRESS_IP_RANGES: z
    .string()
    .default("")
    .transform((v) => v.split(",").map((x) => x.trim()).filter(Boolean))
    .refine((list) => list.length <= 100 && list.every((x) => /^[0-9A-Fa-f:.]+(\/\d{1,3})?$/.test(x)), "must be comma-separated IPv4/IPv6 addresses or CIDR ranges"),
  /** Audience per scope; default `<scope>.<CLUSTER_DOMAIN>`, like Camunda SaaS. */
  TOKEN_AUDIENCE_ZEEBE: audience,
  TOKEN_AUDIENCE_TASKLIST: audience,
  TOKEN_AUDIENCE_OPERATE: audience,
  TOKEN_AUDIENCE_OPTIMIZE: audience,
  TOKEN_AUDIENCE_SECRETS: audience,
  /** The scope whose audience a token gets when the request names none. */
  TOKEN_DEFAULT_SCOPE: z.enum(["ZEEBE", "TASKLIST", "OPERATE", "OPTIMIZE", "SECRETS"]).default("ZEEBE"),
  // Fixed windows (rate-limiter-flexible): `points` requests per `duration` seconds,
  // then the caller is blocked for the block time.
  RATE_LIMIT_IP_POINTS: int(60, 1, 1e9),
  RATE_LIMIT_IP_DURATION_SECONDS: int(60, 1, 86_400),
  RATE_LIMIT_CLIENT_POINTS: int(120, 1, 1e9),
  RATE_LIMIT_CLIENT_DURATION_SECONDS: int(60, 1, 86_400),
  RATE_LIMIT_BLOCK_SECONDS: int(60, 1, 86_400),
  RATE_LIMIT_FAILED_POINTS: int(10, 1, 1e9),
  RATE_LIMIT_FAILED_DURATION_SECONDS: int(300, 1, 86_400),
  RATE_LIMIT_FAILED_BLOCK_SECONDS: int(900, 1, 86_400),
  /** Redis for the rate-limit counters; PostgreSQL (the console's database) when unset. */
  REDIS_URL: z.url({ protocol: /^rediss?$/, error: "must be a redis:// or rediss:// URL" }).optional(),
  /** Namespace for the console's Redis keys, so one Redis can serve several deployments (staging and production). */
  REDIS_KEY_PREFIX: z
    .string()
    .max(64)
    .regex(/^[A-Za-z0-9:_.-]*$/, "letters, digits and : _ . - only")
    .default(""),
  // Leak reports (lib/leaks): GitHub's secret scanning partner protocol.
  /** Where the scanner publishes its public keys (GitHub's shape); `none`: only the keys below. */
  LEAK_SCANNER_KEYS_URL: z
    .union([z.literal("none"), z.url({ protocol: /^https?$/, error: "must be an http:// or https:// URL, or none" })])
    .default("https://api.github.com/meta/public_keys/secret_scanning"),
  /** Keys of a self-hosted scanner: a JSON array of {"key_identifier", "key" (PEM, ECDSA P-256)}. */
  LEAK_SCANNER_PUBLIC_KEYS: z
    .string()
    .optional()
    .refine((v) => v === undefined || parseScannerKeys(v) !== undefined, "must be a JSON array of {\"key_identifier\": \"...\", \"key\": \"-----BEGIN PUBLIC KEY-----...\"}"),
  /** Leak reports accepted per source address per minute. */
  LEAK_REPORT_RATE_LIMIT: int(60, 1, 1e6),
  /** Proxies in front of the console whose X-Forwarded-For is trusted (0: use the socket address). */
  TRUST_PROXY_HOPS: int(0, 0, 10),
  // OpenTelemetry traces (lib/ops/tracing.ts): the standard variables, read by
  // the SDK itself; listed here so they are validated and documented. Traces
  // are off unless an endpoint is set.
  /** OTLP/HTTP base URL of a collector (traces go to <url>/v1/traces); unset: no traces. */
  OTEL_EXPORTER_OTLP_ENDPOINT: z.url({ protocol: /^https?$/, error: "must be an http:// or https:// URL" }).optional(),
  /** The full traces URL, instead of the base one. */
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: z.url({ protocol: /^https?$/, error: "must be an http:// or https:// URL" }).optional(),
  /** Headers for the collector, "key=value,key2=value2" (an API key, say). */
  OTEL_EXPORTER_OTLP_HEADERS: z.string().optional(),
  /** The service name on every span; default cluster-console. */
  OTEL_SERVICE_NAME: z.string().max(200).optional(),
  /** Sampler, e.g. parentbased_traceidratio (default: parentbased_always_on). */
  OTEL_TRACES_SAMPLER: z.string().optional(),
  /** The sampler's argument, e.g. 0.1. */
  OTEL_TRACES_SAMPLER_ARG: z.string().optional(),
  /** `none` turns traces off with an endpoint set. */
  OTEL_TRACES_EXPORTER: z.string().optional(),
  /** `true` turns OpenTelemetry off entirely. */
  OTEL_SDK_DISABLED: z.enum(["true", "false"]).optional(),

  // Single sign-on (lib/sso). Documented in docs/single-sign-on.md.
  /**
   * `true`: an organization's issuer URL may resolve to loopback, link-local or
   * private addresses, and may then use http (on-premises providers, tests).
   * Off by default, so the server cannot be pointed at its own network.
   */
  SSO_ALLOW_PRIVATE_ISSUERS: z.enum(["true", "false"]).default("false"),
}).superRefine((cfg, ctx) => {
  if (cfg.NODE_ENV === "production" && !cfg.KEY_ENCRYPTION_KEY) {
    ctx.addIssue({ code: "custom", path: ["KEY_ENCRYPTION_KEY"], message: "is required in production (openssl rand -base64 32)" });
  }
  // Session cookies are Secure exactly when the public URL is https, so a
  // production console must be served over https (loopback excepted, for trying it out).
  const url = new URL(cfg.PUBLIC_URL);
  if (cfg.NODE_ENV === "production" && url.protocol !== "https:" && !LOOPBACK.has(url.hostname)) {
    ctx.addIssue({ code: "custom", path: ["PUBLIC_URL"], message: "must be an https:// URL in production" });
  }
});

export type Config = z.infer<typeof schema>;

/** Every variable the schema reads (the deployment guide and .env.example list them all). */
export type ConfigVariable = keyof typeof schema.shape;
export const CONFIG_VARIABLES: readonly string[] = Object.keys(schema.shape);

export class ConfigError extends Error {}

function invalid(error: z.ZodError): ConfigError {
  const lines = error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
  return new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
}

export function parseConfig(env: Record<string, string | undefined>): Config {
  const result = schema.safeParse(env);
  if (!result.success) throw invalid(result.error);
  return result.data;
}

/**
 * LOG_LEVEL and LOG_FORMAT for the logger, which prints before the full
 * configuration is read: never throws (parseConfig reports a bad value).
 * The format defaults to JSON in production and readable lines otherwise.
 */
export function logSettings(): { level: Config["LOG_LEVEL"]; format: "json" | "pretty" } {
  const s = z
    .object({ LOG_LEVEL: schema.shape.LOG_LEVEL.catch("info"), LOG_FORMAT: schema.shape.LOG_FORMAT.catch(undefined) })
    .parse(process.env);
  return { level: s.LOG_LEVEL, format: s.LOG_FORMAT ?? (process.env.NODE_ENV === "production" ? "json" : "pretty") };
}

/** PORT and HOST alone, for the start-up step that runs before the full configuration can be read. */
export function listenAddress(): { PORT: number; HOST?: string } {
  const result = z.object(listenShape).safeParse(process.env);
  if (!result.success) throw invalid(result.error);
  return result.data;
}

let cached: Config | undefined;

/** The configuration, parsed once per process (per request readers). */
export function config(): Config {
  cached ??= parseConfig(process.env);
  return cached;
}

/**
 * Parsed now, not cached: for the modules that build a long-lived resource
 * once (a connection pool), so that a test pointing DATABASE_URL elsewhere and
 * dropping the resource gets the new value.
 */
export function freshConfig(): Config {
  return parseConfig(process.env);
}

/**
 * Whether the console is served over https (Secure cookies). Read when
 * next-auth's options are built, at import time, which includes `next build`
 * where no configuration exists yet: so it never throws.
 */
export function servedOverHttps(): boolean {
  return (process.env.NEXTAUTH_URL ?? process.env.PUBLIC_URL ?? "").startsWith("https://");
}
