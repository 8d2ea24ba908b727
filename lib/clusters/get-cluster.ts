// A cluster of the member's own organization, or null. The organization is
// part of the query, so another tenant's cluster is indistinguishable from a
// missing one. Cached per request: the cluster layout and its pages share it.
import "server-only";
import { cache } from "react";
import { db } from "@/lib/db/client";
import { clusterIdSchema } from "@/lib/clusters/schemas";

export const getCluster = cache(async (organizationId: string, clusterId: string) => {
  if (!clusterIdSchema.safeParse(clusterId).success) return null;
  return db().cluster.findFirst({
    where: { id: clusterId, organizationId, deletedAt: null },
    select: {
      id: true,
      name: true,
      description: true,
      region: true,
      createdAt: true,
      createdByEmail: true,
      organizationId: true,
      grpcAddress: true,
      restAddress: true,
      operateUrl: true,
      tasklistUrl: true,
      optimizeUrl: true,
      ipAllowlist: true,
    },
  });
});

export type ClusterView = NonNullable<Awaited<ReturnType<typeof getCluster>>>;
