// Connection addresses of a cluster: derived from configuration, or the real
// addresses an owner registered for it. The console manages access to Zeebe;
// it does not run it. Pure functions with no server-only imports: the token
// path, client components and tests use them too.
export interface ClusterAddressInput {
  id: string;
  region: string;
  /** Registered addresses (both or neither); null = derived from CLUSTER_DOMAIN. */
  grpcAddress?: string | null;
  restAddress?: string | null;
  operateUrl?: string | null;
  tasklistUrl?: string | null;
  optimizeUrl?: string | null;
}

export interface ClusterAddresses {
  /** true when an owner registered the cluster's real addresses. */
  registered: boolean;
  /** The gateway speaks plaintext gRPC (grpc://): clients must not use TLS. */
  grpcPlaintext: boolean;
  /** host:port, as ZEEBE_ADDRESS and zbctl take it. */
  zeebeAddress: string;
  /** grpcs://host:port (grpc:// for a plaintext gateway). */
  grpcAddress: string;
  /** The REST API's base URL, without /v2. */
  restAddress: string;
  oauthUrl: string;
  /** The console's public base URL (PUBLIC_URL): the issuer, and where downloads are served. */
  consoleUrl: string;
  /** The shared Zeebe audience every Zeebe client may request. */
  audience: string;
  /** An audience only this cluster's clients can get (see clusterAudience). */
  clusterAudience: string;
  /** Undefined for a registered cluster that has none. */
  tasklistUrl?: string;
  operateUrl?: string;
  optimizeUrl?: string;
  /** The audience a client asks for to use each API (the defaults of TOKEN_AUDIENCE_*). */
  scopeAudiences: Record<"ZEEBE" | "TASKLIST" | "OPERATE" | "OPTIMIZE" | "SECRETS", string>;
}

export interface AddressConfig {
  CLUSTER_DOMAIN: string;
  PUBLIC_URL: string;
}

/**
 * The cluster-specific audience: the cluster's own URL under the console's
 * issuer. A resource server that requires it accepts tokens of this cluster's
 * clients only; the token endpoint refuses it to every other client.
 */
export function clusterAudience(publicUrl: string, clusterId: string): string {
  return `${publicUrl.replace(/\/+$/, "")}/clusters/${clusterId}`;
}

export function clusterAddresses(cluster: ClusterAddressInput, cfg: AddressConfig): ClusterAddresses {
  const { id, region } = cluster;
  const d = cfg.CLUSTER_DOMAIN;
  const scopeAudiences = {
    ZEEBE: `zeebe.${d}`,
    TASKLIST: `tasklist.${d}`,
    OPERATE: `operate.${d}`,
    OPTIMIZE: `optimize.${d}`,
    SECRETS: `secrets.${d}`,
  };
  if (cluster.grpcAddress && cluster.restAddress) {
    // Stored normalized (parseGrpcAddress); re-parsing never throws on the token path.
    const grpc = parseGrpcAddress(cluster.grpcAddress);
    const stored = grpc.ok ? grpc.value : cluster.grpcAddress;
    return {
      registered: true,
      grpcPlaintext: stored.startsWith("grpc://"),
      zeebeAddress: stored.replace(/^[a-z]+:\/\//, ""),
      grpcAddress: cluster.grpcAddress,
      restAddress: cluster.restAddress,
      oauthUrl: `${cfg.PUBLIC_URL}/oauth/token`,
      consoleUrl: cfg.PUBLIC_URL,
      audience: `zeebe.${d}`,
      clusterAudience: clusterAudience(cfg.PUBLIC_URL, id),
      tasklistUrl: cluster.tasklistUrl ?? undefined,
      operateUrl: cluster.operateUrl ?? undefined,
      optimizeUrl: cluster.optimizeUrl ?? undefined,
      scopeAudiences,
    };
  }
  const host = `${id}.${region}.zeebe.${d}`;
  return {
    registered: false,
    grpcPlaintext: false,
    zeebeAddress: `${host}:443`,
    grpcAddress: `grpcs://${host}:443`,
    restAddress: `https://${region}.zeebe.${d}/${id}`,
    oauthUrl: `${cfg.PUBLIC_URL}/oauth/token`,
    consoleUrl: cfg.PUBLIC_URL,
    audience: `zeebe.${d}`,
    clusterAudience: clusterAudience(cfg.PUBLIC_URL, id),
    tasklistUrl: `https://${region}.tasklist.${d}/${id}`,
    operateUrl: `https://${region}.operate.${d}/${id}`,
    optimizeUrl: `https://${region}.optimize.${d}/${id}`,
    scopeAudiences,
  };
}

/**
 * Compares audiences the way clients spell addresses: case, scheme, default
 * port, trailing slashes and a trailing /v2 do not matter. zbctl and older
 * clients send the gateway host (or host:port) when no audience is set; others
 * send the REST address.
 */
export function normalizeAudience(value: string): string {
  let v = value.trim().toLowerCase();
  v = v.replace(/^[a-z][a-z0-9+.-]*:\/\//, "");
  v = v.replace(/\/+$/, "").replace(/\/v2$/, "").replace(/\/+$/, "");
  v = v.replace(/^([^/]+):443(?=\/|$)/, "$1");
  return v;
}

/** The normalized spellings that name this cluster's own audience. */
export function clusterAudienceAliases(addresses: ClusterAddresses): Set<string> {
  const host = addresses.zeebeAddress.replace(/:\d+$/, "");
  return new Set(
    [addresses.clusterAudience, addresses.zeebeAddress, host, addresses.restAddress].map(normalizeAudience),
  );
}

// --- Registered addresses: parsing and normalizing what an owner typed ---

/**
 * The one length rule for every address field (the form's schema leaves it to
 * the parsers below): the limit and its message are one constant.
 */
export const MAX_ADDRESS_LENGTH = 1000;
export const ADDRESS_TOO_LONG = `Use at most ${MAX_ADDRESS_LENGTH.toLocaleString("en-GB")} characters.`;
const defaultGrpcPort = (protocol: string) => (protocol === "grpc:" ? "26500" : "443");

export type ParseResult = { ok: true; value: string } | { ok: false; error: string };

function parseUrlish(input: string, fallbackScheme: string): URL | undefined {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(input) ? input : `${fallbackScheme}://${input}`;
  try {
    return new URL(withScheme);
  } catch {
    return undefined;
  }
}

/**
 * A gateway's gRPC address as people write it: host[:port], grpcs://, grpc://,
 * https:// or http:// (the Java client's form). Stored as grpcs://host:port, or
 * grpc://host:port for a plaintext gateway (default ports 443 and 26500).
 */
export function parseGrpcAddress(raw: string): ParseResult {
  const input = raw.trim();
  if (!input) return { ok: false, error: "Enter the gateway's gRPC address." };
  if (input.length > MAX_ADDRESS_LENGTH) return { ok: false, error: ADDRESS_TOO_LONG };
  if (/\s/.test(input)) return { ok: false, error: "Enter an address such as grpcs://zeebe.example.com:443." };
  const url = parseUrlish(input, "grpcs");
  if (!url) return { ok: false, error: "Enter an address such as grpcs://zeebe.example.com:443." };
  const scheme = { "grpcs:": "grpcs", "https:": "grpcs", "grpc:": "grpc", "http:": "grpc" }[url.protocol];
  if (!scheme) return { ok: false, error: "Use grpcs:// (TLS) or grpc:// (plaintext)." };
  if (url.username || url.password) return { ok: false, error: "The address must not contain a user name or password." };
  if (!url.hostname) return { ok: false, error: "The address needs a host name." };
  if ((url.pathname && url.pathname !== "/") || url.search || url.hash) return { ok: false, error: "A gRPC address has no path: use host:port." };
  const port = url.port || defaultGrpcPort(`${scheme}:`);
  return { ok: true, value: `${scheme}://${url.hostname}:${port}` };
}

/** An http(s) base URL: no credentials, query or fragment; trailing slashes (and /v2 for REST) dropped. */
export function parseHttpUrl(raw: string, what: string, opts: { stripV2?: boolean } = {}): ParseResult {
  const input = raw.trim();
  const example = `Enter a URL such as https://${what.toLowerCase().split(" ")[0]}.example.com.`;
  if (!input) return { ok: false, error: `Enter the ${what} URL.` };
  if (input.length > MAX_ADDRESS_LENGTH) return { ok: false, error: ADDRESS_TOO_LONG };
  if (/\s/.test(input)) return { ok: false, error: example };
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    return { ok: false, error: example };
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return { ok: false, error: "Use an https:// (or http://) URL." };
  if (url.username || url.password) return { ok: false, error: "The URL must not contain a user name or password." };
  if (url.search || url.hash || input.includes("?") || input.includes("#")) return { ok: false, error: "The URL must not have a query or fragment." };
  let path = url.pathname.replace(/\/+$/, "");
  if (opts.stripV2) path = path.replace(/\/v2$/i, "").replace(/\/+$/, "");
  return { ok: true, value: `${url.protocol}//${url.host}${path}` };
}
