// What each configuration variable means, for people: the source of
// docs/configuration.md (`npm run docs:config` writes it; a test fails when it
// is out of date, and when a variable of the schema in lib/config.ts is
// missing here). The schema validates; this explains.
import type { ConfigVariable } from "@/lib/config";

export interface VariableDoc {
  /** One variable, or several that go together (a limit and its window). */
  names: ConfigVariable[];
  /** What applies when it is unset, in words. */
  default: string;
  meaning: string;
}

export const CONFIG_DOCS: Array<{ section: string; variables: VariableDoc[] }> = [
  {
    section: "Server",
    variables: [
      {
        names: ["PORT"],
        default: "`3000`",
        meaning: "HTTP port",
      },
      {
        names: ["HOST"],
        default: "all interfaces",
        meaning: "listen address",
      },
      {
        names: ["PUBLIC_URL"],
        default: "`http://localhost:$PORT`",
        meaning: "the console's public base URL; OAuth URLs and the token issuer derive from it",
      },
      {
        names: ["WEB_CONCURRENCY"],
        default: "`1`",
        meaning: "server processes sharing the port under `npm start` (dev always runs one); production: the number of cores (see \"Every core\")",
      },
      {
        names: ["TRUST_PROXY_HOPS"],
        default: "`0`",
        meaning: "reverse proxies whose `X-Forwarded-For` is trusted for the source address",
      },
    ],
  },
  {
    section: "Database",
    variables: [
      {
        names: ["DATABASE_URL"],
        default: "embedded PostgreSQL in `.data/postgres`",
        meaning: "PostgreSQL connection URL",
      },
      {
        names: ["DATABASE_POOL_SIZE"],
        default: "`10`",
        meaning: "size of each of a console process's two connection pools (Prisma for pages and actions; `pg` for the authorization server); with the sign-in limits' pool of 2 and the LISTEN connection, one process opens at most 2 x `DATABASE_POOL_SIZE` + 3 connections",
      },
    ],
  },
  {
    section: "Sessions and the first owner",
    variables: [
      {
        names: ["NEXTAUTH_SECRET"],
        default: "generated into `.data/` for local installs",
        meaning: "signs session cookies (>= 32 characters); required with an external database in production",
      },
      {
        names: ["ADMIN_EMAIL", "ADMIN_PASSWORD", "ADMIN_NAME", "ADMIN_ORG_NAME"],
        default: "unset",
        meaning: "create the first owner at start (only while no account exists)",
      },
    ],
  },
  {
    section: "Clusters",
    variables: [
      {
        names: ["CLUSTER_DOMAIN"],
        default: "`camunda.io`",
        meaning: "derived cluster addresses: `<clusterId>.<region>.zeebe.<domain>:443`, `https://<region>.zeebe.<domain>/<clusterId>` (a registered cluster uses its own; see \"Registered clusters\")",
      },
      {
        names: ["CLUSTER_REGIONS"],
        default: "`bru-2,jfk-1,syd-1`",
        meaning: "regions offered when creating a cluster",
      },
    ],
  },
  {
    section: "Authorization server",
    variables: [
      {
        names: ["KEY_ENCRYPTION_KEY"],
        default: "generated into `.data/` for local installs",
        meaning: "32 bytes (base64 or hex) that encrypt the token signing keys and connector secret values at rest (AES-256-GCM); required in production",
      },
      {
        names: ["KEY_ENCRYPTION_KEY_PREVIOUS"],
        default: "unset",
        meaning: "the key before a `KEY_ENCRYPTION_KEY` change: connector secret values sealed under it still open until `npm run keys:reencrypt` has sealed them again under the new key; remove it afterwards",
      },
      {
        names: ["EGRESS_IP_RANGES"],
        default: "empty",
        meaning: "comma-separated address ranges (CIDR) the console's outgoing calls come from, answered by the Administration API's `GET /meta/ip-ranges`",
      },
      {
        names: ["TOKEN_TTL_SECONDS"],
        default: "`86400` (300 to 2592000)",
        meaning: "access token lifetime",
      },
      {
        names: ["TOKEN_REUSE_SECONDS"],
        default: "`300` (`0` disables)",
        meaning: "a repeat request for the same audience and scopes within this window gets the same token back with its remaining `expires_in` (at most half the token lifetime; see \"Token reuse\")",
      },
      {
        names: ["SIGNING_ALG"],
        default: "`RS256`",
        meaning: "`RS256`, `ES256` or `EdDSA`; applies to new keys (`npm run keys:rotate`)",
      },
      {
        names: ["TOKEN_AUDIENCE_ZEEBE", "TOKEN_AUDIENCE_TASKLIST", "TOKEN_AUDIENCE_OPERATE", "TOKEN_AUDIENCE_OPTIMIZE", "TOKEN_AUDIENCE_SECRETS"],
        default: "`<scope>.<CLUSTER_DOMAIN>`",
        meaning: "audience per scope; Camunda's `*.camunda.io` names are always accepted as aliases",
      },
      {
        names: ["TOKEN_DEFAULT_SCOPE"],
        default: "`ZEEBE`",
        meaning: "whose audience a token gets when the request names none",
      },
    ],
  },
  {
    section: "Rate limits",
    variables: [
      {
        names: ["RATE_LIMIT_IP_POINTS", "RATE_LIMIT_IP_DURATION_SECONDS"],
        default: "`60` / `60`",
        meaning: "token and introspection requests per source address per window (about 1/s with a burst, like Camunda SaaS)",
      },
      {
        names: ["RATE_LIMIT_CLIENT_POINTS", "RATE_LIMIT_CLIENT_DURATION_SECONDS"],
        default: "`120` / `60`",
        meaning: "token requests per client ID per window",
      },
      {
        names: ["RATE_LIMIT_BLOCK_SECONDS"],
        default: "`60`",
        meaning: "how long a caller over a limit stays blocked",
      },
      {
        names: ["RATE_LIMIT_FAILED_POINTS", "RATE_LIMIT_FAILED_DURATION_SECONDS", "RATE_LIMIT_FAILED_BLOCK_SECONDS"],
        default: "`10` / `300` / `900`",
        meaning: "failed client authentications per address before a block, and its length (never per client ID: see Rate limits)",
      },
      {
        names: ["REDIS_URL"],
        default: "unset",
        meaning: "rate-limit counters in Redis instead of PostgreSQL",
      },
      {
        names: ["REDIS_KEY_PREFIX"],
        default: "empty",
        meaning: "put in front of every Redis key, so one Redis can serve several deployments (the browser tests use a fresh one per run)",
      },
    ],
  },
  {
    section: "Leak reports",
    variables: [
      {
        names: ["LEAK_SCANNER_KEYS_URL"],
        default: "`https://api.github.com/meta/public_keys/secret_scanning`",
        meaning: "where the secret scanner publishes the public keys its leak reports are signed with (GitHub's shape, read when a report names a key not yet known, at most once a minute); `none`: only `LEAK_SCANNER_PUBLIC_KEYS` (see docs/security.md, \"Leaked secrets\")",
      },
      {
        names: ["LEAK_SCANNER_PUBLIC_KEYS"],
        default: "unset",
        meaning: "public keys of a self-hosted scanner, as a JSON array of `{\"key_identifier\": ..., \"key\": \"-----BEGIN PUBLIC KEY-----...\"}` (ECDSA P-256)",
      },
      {
        names: ["LEAK_REPORT_RATE_LIMIT"],
        default: "`60`",
        meaning: "leak reports accepted per source address per minute, signed or not",
      },
    ],
  },
  {
    section: "Logs, metrics and usage",
    variables: [
      {
        names: ["LOG_LEVEL"],
        default: "`info`",
        meaning: "`debug`, `info`, `warn`, `error`: applies to every log line, start-up and Next.js's own output included",
      },
      {
        names: ["LOG_FORMAT"],
        default: "`json` in production, `pretty` in development",
        meaning: "`json`: one JSON object per line (pino); `pretty`: readable lines",
      },
      {
        names: ["METRICS_TOKEN"],
        default: "unset (`/metrics` disabled)",
        meaning: "bearer token for `GET /metrics` (>= 16 characters)",
      },
      {
        names: ["USAGE_FLUSH_SECONDS"],
        default: "`5`",
        meaning: "how often each instance writes its usage counts (the usage charts)",
      },
      {
        names: ["USAGE_COUNTING"],
        default: "`on`",
        meaning: "`off`: nothing is counted, the charts stay empty",
      },
    ],
  },
  {
    section: "Single sign-on",
    variables: [
      {
        names: ["SSO_ALLOW_PRIVATE_ISSUERS"],
        default: "`false`",
        meaning:
          "`true`: organizations' OpenID Connect issuer URLs may resolve to loopback, link-local and private addresses, and such addresses may use `http` (on-premises providers, tests); otherwise only public addresses, and only `https` in production (docs/single-sign-on.md)",
      },
    ],
  },
  {
    section: "Traces (OpenTelemetry)",
    variables: [
      {
        names: ["OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"],
        default: "unset (no traces)",
        meaning: "an OTLP/HTTP collector: the base URL (traces go to `<url>/v1/traces`) or the full traces URL; setting either turns traces on (see docs/operations.md, Traces)",
      },
      {
        names: ["OTEL_EXPORTER_OTLP_HEADERS"],
        default: "unset",
        meaning: "headers for the collector, `key=value,key2=value2` (an API key, say)",
      },
      {
        names: ["OTEL_SERVICE_NAME"],
        default: "`cluster-console`",
        meaning: "the `service.name` of every span",
      },
      {
        names: ["OTEL_TRACES_SAMPLER", "OTEL_TRACES_SAMPLER_ARG"],
        default: "`parentbased_always_on`",
        meaning: "the standard samplers, e.g. `parentbased_traceidratio` with `0.1`",
      },
      {
        names: ["OTEL_TRACES_EXPORTER", "OTEL_SDK_DISABLED"],
        default: "unset",
        meaning: "`OTEL_TRACES_EXPORTER=none` or `OTEL_SDK_DISABLED=true` turn traces off with an endpoint set",
      },
    ],
  },
  {
    section: "Build",
    variables: [
      {
        names: ["NODE_ENV"],
        default: "`development` (`npm run dev`), `production` (`npm start`)",
        meaning: "set by the start command itself; Next.js replaces it at build time",
      },
    ],
  },
];

/** docs/configuration.md, as `npm run docs:config` writes it. */
export function renderConfigurationDoc(): string {
  const lines = [
    "# Configuration",
    "",
    "<!-- Generated from lib/config-docs.ts by `npm run docs:config`; a test fails when it is out of date. Edit that file, not this one. -->",
    "",
    "All configuration comes from environment variables (or `.env`), validated",
    "with zod at start-up (`lib/config.ts`, the only module that reads",
    "`process.env`): a bad value stops the console with a message naming it.",
    "`.env.example` is a starting point. In production `DATABASE_URL`, an",
    "`https://` `PUBLIC_URL`, `NEXTAUTH_SECRET` and `KEY_ENCRYPTION_KEY` are",
    "required, and `TRUST_PROXY_HOPS` behind a reverse proxy.",
    "",
    "Node's own `UV_THREADPOOL_SIZE` (read by libuv before any code runs, so not",
    "in the schema): set it to the number of cores in production; the token",
    "path's signatures run on that pool.",
  ];
  for (const { section, variables } of CONFIG_DOCS) {
    lines.push("", `## ${section}`, "", "| variable | default | meaning |", "| --- | --- | --- |");
    for (const v of variables) lines.push(`| ${v.names.map((n) => `\`${n}\``).join(", ")} | ${v.default} | ${v.meaning} |`);
  }
  return `${lines.join("\n")}\n`;
}
