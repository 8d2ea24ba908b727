// Connection addresses of a cluster: derived from configuration, or the real
// addresses an owner registered for it. The console manages access to Zeebe;
// it does not run it. Pure functions with no server-only imports: the token
// path, client components and tests use them too.
export interface ClusterAddressInput {
  id: string;
  region: string;
}

export interface ClusterAddresses {
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
  tasklistUrl: string;
  operateUrl: string;
  optimizeUrl: string;
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
  const host = `${id}.${region}.zeebe.${d}`;
  return {
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
    scopeAudiences: {
      ZEEBE: `zeebe.${d}`,
      TASKLIST: `tasklist.${d}`,
      OPERATE: `operate.${d}`,
      OPTIMIZE: `optimize.${d}`,
      SECRETS: `secrets.${d}`,
    },
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
