// The downloadable credential files, built in the browser from the result of
// the create/rotate action: no endpoint ever serves a secret a second time.
// Pure functions with no server-only imports, so client components and unit
// tests can both use them.
import { type ClientScopeName, type ClusterAddresses, SCOPE_LABELS, sortScopes } from "@cluster-console/credentials";

export interface CredentialsInput {
  clientId: string;
  clientSecret: string;
  name: string;
  scopes: readonly ClientScopeName[];
  cluster: { id: string; region: string };
  addresses: ClusterAddresses;
}

export type CredentialsFormat = "env" | "properties" | "json";

export const CREDENTIALS_FORMATS: { format: CredentialsFormat; label: string; description: string }[] = [
  { format: "env", label: "Shell (.env)", description: "export lines; `source` the file" },
  { format: "properties", label: "Spring Boot", description: "application.properties" },
  { format: "json", label: "JSON", description: "for scripts and secret stores" },
];

/**
 * The API a client's files and snippets talk to: Zeebe when it has that
 * scope, otherwise its first scope. A Tasklist-only client asking for the
 * Zeebe audience would be refused, so its material never does.
 */
export function primaryScope(scopes: readonly ClientScopeName[]): ClientScopeName {
  return scopes.includes("ZEEBE") ? "ZEEBE" : (sortScopes(scopes)[0] ?? "ZEEBE");
}

/** The audience to request for the client's primary API. */
export function primaryAudience(c: { scopes: readonly ClientScopeName[]; addresses: ClusterAddresses }): string {
  const scope = primaryScope(c.scopes);
  return scope === "ZEEBE" ? c.addresses.audience : c.addresses.scopeAudiences[scope];
}

/**
 * Environment variables in the order Camunda documents them. Addresses and
 * audiences only of the APIs the client's scopes allow: a client without the
 * Zeebe scope gets no Zeebe address, and its token audience is its own API's.
 */
export function credentialVariables(c: CredentialsInput): [string, string][] {
  const a = c.addresses;
  const zeebe = c.scopes.includes("ZEEBE");
  const audience = primaryAudience(c);
  const vars: [string, string][] = [
    ...(zeebe ? ([["ZEEBE_ADDRESS", a.zeebeAddress]] as [string, string][]) : []),
    ["ZEEBE_CLIENT_ID", c.clientId],
    ["ZEEBE_CLIENT_SECRET", c.clientSecret],
    ["ZEEBE_AUTHORIZATION_SERVER_URL", a.oauthUrl],
    ["ZEEBE_TOKEN_AUDIENCE", audience],
    ...(zeebe
      ? ([
          ["ZEEBE_REST_ADDRESS", a.restAddress],
          ["ZEEBE_GRPC_ADDRESS", a.grpcAddress],
        ] as [string, string][])
      : []),
    ["CAMUNDA_CLUSTER_ID", c.cluster.id],
    ["CAMUNDA_CLUSTER_REGION", c.cluster.region],
    ["CAMUNDA_CREDENTIALS_SCOPES", sortScopes(c.scopes).map((s) => SCOPE_LABELS[s]).join(",")],
    ["CAMUNDA_OAUTH_URL", a.oauthUrl],
    // The names the 8.8+ clients read first (checked in each client's source):
    // @camunda8/orchestration-cluster-api and the Python SDK read CAMUNDA_CLIENT_ID,
    // _SECRET, _OAUTH_URL, _TOKEN_AUDIENCE and _REST_ADDRESS and switch OAuth on
    // only when URL, ID and secret are all set; the Java client 8.8 reads
    // CAMUNDA_AUTHORIZATION_SERVER_URL and CAMUNDA_GRPC_ADDRESS (an http(s) URI)
    // before its ZEEBE_* fallbacks. @camunda8/sdk 8.8 defaults to no auth unless
    // it can infer OAuth, so the strategy is stated.
    ["CAMUNDA_CLIENT_ID", c.clientId],
    ["CAMUNDA_CLIENT_SECRET", c.clientSecret],
    ["CAMUNDA_TOKEN_AUDIENCE", audience],
    ...(zeebe
      ? ([
          ["CAMUNDA_REST_ADDRESS", a.restAddress],
          ["CAMUNDA_GRPC_ADDRESS", grpcHttpsUri(a.grpcAddress)],
        ] as [string, string][])
      : []),
    ["CAMUNDA_AUTHORIZATION_SERVER_URL", a.oauthUrl],
    ["CAMUNDA_AUTH_STRATEGY", "OAUTH"],
  ];
  // A plaintext gateway (a registered grpc:// address): zbctl and the older
  // clients read this; the SDK takes the grpc:// scheme of ZEEBE_GRPC_ADDRESS.
  if (zeebe && a.grpcPlaintext) vars.push(["ZEEBE_INSECURE_CONNECTION", "true"]);
  if (c.scopes.includes("TASKLIST") && a.tasklistUrl) vars.push(["CAMUNDA_TASKLIST_BASE_URL", a.tasklistUrl]);
  if (c.scopes.includes("OPERATE") && a.operateUrl) vars.push(["CAMUNDA_OPERATE_BASE_URL", a.operateUrl]);
  if (c.scopes.includes("OPTIMIZE") && a.optimizeUrl) vars.push(["CAMUNDA_OPTIMIZE_BASE_URL", a.optimizeUrl]);
  return vars;
}

/** The Java client and Spring take the gRPC address as an http(s) URI, not grpcs://. */
export function grpcHttpsUri(grpcAddress: string): string {
  return grpcAddress.replace(/^grpcs:\/\//, "https://").replace(/^grpc:\/\//, "http://");
}

/** Single-quote for POSIX shells: only ' itself needs care ('\''). */
export function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/** A comment line can never break out into code: no line breaks inside. */
const commentText = (s: string) => s.replace(/[\r\n\u2028\u2029\p{Cc}]/gu, " ");

export function envFile(c: CredentialsInput): string {
  const lines = [
    `# Camunda API client "${commentText(c.name)}" for cluster ${c.cluster.id}`,
    "# Keep this file secret. Load it with: source <file>",
    ...credentialVariables(c).map(([k, v]) => `export ${k}=${shellQuote(v)}`),
  ];
  return lines.join("\n") + "\n";
}

/** Escape a .properties value: backslashes, line breaks, leading space, non-ASCII. */
export function propertiesEscape(value: string): string {
  let out = "";
  for (const ch of value) {
    const code = ch.codePointAt(0)!;
    if (ch === "\\") out += "\\\\";
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (ch === "\t") out += "\\t";
    else if (code < 0x20 || code > 0x7e) {
      // \uXXXX per UTF-16 unit, which is how java.util.Properties reads it.
      for (let i = 0; i < ch.length; i++) out += `\\u${ch.charCodeAt(i).toString(16).padStart(4, "0")}`;
    } else out += ch;
  }
  return out.startsWith(" ") ? `\\${out}` : out;
}

/**
 * Camunda Spring Boot Starter (8.8+) settings. For a derived cluster, SaaS
 * mode templates addresses from cluster ID and region, and the explicit
 * addresses and token URL override those templates so the file also works with
 * a custom cluster domain and with this console as the authorization server. A
 * registered cluster is self-managed: its own addresses, OIDC client
 * credentials against this console. Addresses only with the Zeebe scope.
 */
export function springProperties(c: {
  addresses: ClusterAddresses;
  cluster: { id: string; region: string };
  clientId: string;
  clientSecret: string;
  scopes: readonly ClientScopeName[];
}): [string, string][] {
  const a = c.addresses;
  const mode: [string, string][] = a.registered
    ? [
        ["camunda.client.mode", "self-managed"],
        ["camunda.client.auth.method", "oidc"],
        ["camunda.client.auth.client-id", c.clientId],
        ["camunda.client.auth.client-secret", c.clientSecret],
      ]
    : [
        ["camunda.client.mode", "saas"],
        ["camunda.client.auth.client-id", c.clientId],
        ["camunda.client.auth.client-secret", c.clientSecret],
        ["camunda.client.cloud.cluster-id", c.cluster.id],
        ["camunda.client.cloud.region", c.cluster.region],
      ];
  return [
    ...mode,
    ...(c.scopes.includes("ZEEBE")
      ? ([
          ["camunda.client.grpc-address", grpcHttpsUri(a.grpcAddress)],
          ["camunda.client.rest-address", a.restAddress],
        ] as [string, string][])
      : []),
    ["camunda.client.auth.token-url", a.oauthUrl],
    ["camunda.client.auth.audience", primaryAudience(c)],
  ];
}

export function propertiesFile(c: CredentialsInput): string {
  const zeebe = c.scopes.includes("ZEEBE");
  return [
    `# Camunda API client "${commentText(c.name)}" for cluster ${c.cluster.id}`,
    `# Scopes: ${sortScopes(c.scopes).map((s) => SCOPE_LABELS[s]).join(", ")}`,
    ...(zeebe ? [] : ["# This client has no Zeebe scope: it gets tokens for its own APIs, not for the cluster's Zeebe API."]),
    "# Camunda Spring Boot Starter 8.8+ (io.camunda:camunda-spring-boot-starter). Keep this file secret.",
    ...springProperties(c).map(([k, v]) => `${k}=${propertiesEscape(v)}`),
  ].join("\n") + "\n";
}

export function jsonFile(c: CredentialsInput): string {
  const a = c.addresses;
  const scopes = sortScopes(c.scopes);
  const body = {
    name: c.name,
    clientId: c.clientId,
    clientSecret: c.clientSecret,
    clusterId: c.cluster.id,
    region: c.cluster.region,
    scopes: scopes.map((s) => SCOPE_LABELS[s]),
    ...(scopes.includes("ZEEBE") ? { zeebeAddress: a.zeebeAddress, zeebeGrpcAddress: a.grpcAddress, zeebeRestAddress: a.restAddress } : {}),
    authorizationServerUrl: a.oauthUrl,
    tokenAudience: primaryAudience(c),
    ...(scopes.includes("TASKLIST") && a.tasklistUrl ? { tasklistBaseUrl: a.tasklistUrl } : {}),
    ...(scopes.includes("OPERATE") && a.operateUrl ? { operateBaseUrl: a.operateUrl } : {}),
    ...(scopes.includes("OPTIMIZE") && a.optimizeUrl ? { optimizeBaseUrl: a.optimizeUrl } : {}),
    // The same variables as the .env file, keyed by name: the 8.8+ clients take
    // these keys as configuration (createCamundaClient({ config }), the Python
    // SDK's configuration={...}), so the JSON needs no translation.
    environment: Object.fromEntries(credentialVariables(c)),
  };
  return JSON.stringify(body, null, 2) + "\n";
}

/**
 * A safe file name from the client name: lowercase ASCII, digits and dashes.
 * A name with no Latin letter or digit (名前, ✓✓) falls back to the start of
 * the client ID, so two such clients never share a file name.
 */
export function credentialsFileName(name: string, format: CredentialsFormat, clientId?: string): string {
  const slug =
    name
      .normalize("NFKD")
      .replace(/\p{M}/gu, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 60)
      .replace(/-+$/, "") || (clientId ? `client-${clientId.slice(0, 8).toLowerCase()}` : "client");
  const ext = format === "env" ? "env" : format === "properties" ? "properties" : "json";
  return `credentials-${slug}.${ext}`;
}

export function credentialsFile(c: CredentialsInput, format: CredentialsFormat) {
  const content = format === "env" ? envFile(c) : format === "properties" ? propertiesFile(c) : jsonFile(c);
  const mime = format === "json" ? "application/json" : "text/plain";
  return { fileName: credentialsFileName(c.name, format, c.clientId), content, mime };
}
