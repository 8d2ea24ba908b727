// Registers a cluster's real addresses, changes them, or returns the cluster
// to the addresses derived from its region (registered = null). Owners and
// admins only (the action's permission). The token path's caches hear of the
// change through the clusters trigger, so audience aliases follow at once.
import "server-only";
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import { recordClusterEvent } from "@/lib/clusters/cluster-audit";
import type { Principal } from "@/lib/auth/principal";
import type { RegisteredAddresses } from "@/lib/clusters/schemas";

const DERIVED = { grpcAddress: null, restAddress: null, operateUrl: null, tasklistUrl: null, optimizeUrl: null };

export async function updateClusterAddresses(
  member: Principal,
  input: { clusterId: string; registered: RegisteredAddresses | null },
) {
  return db().$transaction(async (tx) => {
    const cluster = await tx.cluster.findFirst({
      where: { id: input.clusterId, organizationId: member.organizationId, deletedAt: null },
      select: { id: true, name: true },
    });
    if (!cluster) throw notFound("Cluster");
    const data = input.registered ?? DERIVED;
    const { count } = await tx.cluster.updateMany({
      where: { id: cluster.id, organizationId: member.organizationId, deletedAt: null },
      data,
    });
    if (count === 0) throw notFound("Cluster");
    await recordClusterEvent(tx, member, cluster, "cluster.addresses_changed", input.registered ? { ...input.registered } : { addresses: "derived" });
    return { id: cluster.id };
  });
}
