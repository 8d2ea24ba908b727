// A cluster as Camunda's Administration API shows one, and the parameters a
// cluster can be created with. The console has one plan type, one channel
// and one generation (it manages access, not the clusters' software), under
// fixed IDs so that tools which send them (Terraform) keep working.
import "server-only";
import { config } from "@/lib/config";
import { ADMIN_API_PATH, clusterAddresses } from "@cluster-console/credentials";

export const PLAN_TYPE = { uuid: "7c0f2d0e-3b7a-4c55-9a0e-2a4d1c6b5e01", name: "Console-managed" } as const;
export const CHANNEL = { uuid: "7c0f2d0e-3b7a-4c55-9a0e-2a4d1c6b5e02", name: "Stable" } as const;
export const GENERATION = { uuid: "7c0f2d0e-3b7a-4c55-9a0e-2a4d1c6b5e03", name: "Camunda 8" } as const;

export function clusterParameters() {
  return {
    channels: [
      { ...CHANNEL, defaultGeneration: GENERATION, allowedGenerations: [{ ...GENERATION, classification: "channel" as const }] },
    ],
    clusterPlanTypes: [PLAN_TYPE],
    regions: config().CLUSTER_REGIONS.map((r) => ({ uuid: r, name: r, provider: "console" })),
  };
}

export function clusterLinks(cluster: { id: string; region: string }) {
  const cfg = config();
  const a = clusterAddresses(cluster, cfg);
  return {
    zeebe: a.zeebeAddress,
    zeebeGrpc: a.grpcAddress,
    zeebeRest: a.restAddress,
    operate: a.operateUrl,
    tasklist: a.tasklistUrl,
    optimize: a.optimizeUrl,
    oauth: a.oauthUrl,
    console: `${cfg.PUBLIC_URL}/clusters/${cluster.id}`,
  };
}

/**
 * The console measures nothing about a cluster: its addresses are derived
 * from the region or registered by hand, and nothing probes them. So it says
 * what it knows, Unknown, rather than a Healthy it never checked.
 */
const UNKNOWN = "Unknown" as const;

export function clusterView(c: { id: string; name: string; description: string; region: string; createdAt: Date; createdByEmail: string }) {
  return {
    uuid: c.id,
    name: c.name,
    description: c.description,
    created: c.createdAt.toISOString(),
    ownerId: c.createdByEmail,
    region: { uuid: c.region, name: c.region },
    planType: PLAN_TYPE,
    channel: CHANNEL,
    generation: GENERATION,
    autoUpdate: false,
    labels: [],
    links: clusterLinks(c),
    status: { ready: UNKNOWN, zeebeStatus: UNKNOWN, operateStatus: UNKNOWN, tasklistStatus: UNKNOWN, optimizeStatus: UNKNOWN },
  } as const;
}

export const adminApiBase = () => `${config().PUBLIC_URL}${ADMIN_API_PATH}`;
