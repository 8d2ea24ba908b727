// Connection addresses of a cluster, derived from configuration only. The
// console manages access to Zeebe; it does not run it.
export interface ClusterAddressInput {
  id: string;
  region: string;
}

export interface ClusterAddresses {
  zeebeAddress: string;
  grpcAddress: string;
  restAddress: string;
  oauthUrl: string;
  audience: string;
  tasklistUrl: string;
  operateUrl: string;
  optimizeUrl: string;
}

export function clusterAddresses(
  cluster: ClusterAddressInput,
  cfg: { CLUSTER_DOMAIN: string; PUBLIC_URL: string },
): ClusterAddresses {
  const { id, region } = cluster;
  const d = cfg.CLUSTER_DOMAIN;
  const host = `${id}.${region}.zeebe.${d}`;
  return {
    zeebeAddress: `${host}:443`,
    grpcAddress: `grpcs://${host}:443`,
    restAddress: `https://${region}.zeebe.${d}/${id}`,
    oauthUrl: `${cfg.PUBLIC_URL}/oauth/token`,
    audience: `zeebe.${d}`,
    tasklistUrl: `https://${region}.tasklist.${d}/${id}`,
    operateUrl: `https://${region}.operate.${d}/${id}`,
    optimizeUrl: `https://${region}.optimize.${d}/${id}`,
  };
}
