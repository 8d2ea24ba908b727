// Deleting a cluster is a soft delete: the row stays (audit events and, later,
// revoked credentials keep pointing at it) but it disappears from every view.
import "server-only";
import { db } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors";
import { recordClusterEvent } from "@/lib/clusters/cluster-audit";
import type { Principal } from "@/lib/auth/principal";

/**
 * `confirmName` is the typed-in name the console's dialog asks for; the
 * Administration API passes null (its delete permission is the confirmation).
 */
export async function deleteCluster(member: Principal, input: { clusterId: string; confirmName: string | null }) {
  return db().$transaction(async (tx) => {
    const cluster = await tx.cluster.findFirst({
      where: { id: input.clusterId, organizationId: member.organizationId, deletedAt: null },
      select: { id: true, name: true },
    });
    if (!cluster) throw notFound("Cluster");
    if (input.confirmName !== null && input.confirmName !== cluster.name) {
      throw new AppError("invalid_input", "The name does not match.", {
        confirmName: [`Type “${cluster.name}” to confirm.`],
      });
    }
    // The deleted_at filter makes a concurrent second delete a no-op.
    const { count } = await tx.cluster.updateMany({
      where: { id: cluster.id, deletedAt: null },
      data: { deletedAt: new Date() },
    });
    if (count === 0) throw notFound("Cluster");
    await recordClusterEvent(tx, member, cluster, "cluster.deleted");
    return { id: cluster.id };
  });
}
