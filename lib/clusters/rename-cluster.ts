// Rename a cluster (the Administration API's PATCH /clusters/{id}), with its
// audit event in the same transaction. Tenancy is in the lookup.
import "server-only";
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import { recordEvent } from "@/lib/audit/record-event";
import type { Principal } from "@/lib/auth/principal";

export async function renameCluster(actor: Principal, input: { clusterId: string; name: string }) {
  return db().$transaction(async (tx) => {
    const cluster = await tx.cluster.findFirst({
      where: { id: input.clusterId, organizationId: actor.organizationId, deletedAt: null },
      select: { id: true, name: true },
    });
    if (!cluster) throw notFound("Cluster");
    if (cluster.name === input.name) return { id: cluster.id, changed: false };
    const { count } = await tx.cluster.updateMany({ where: { id: cluster.id, deletedAt: null }, data: { name: input.name } });
    if (count === 0) throw notFound("Cluster");
    await recordEvent(tx, {
      organizationId: actor.organizationId,
      clusterId: cluster.id,
      actor,
      action: "cluster.renamed",
      target: { type: "cluster", id: cluster.id, name: input.name },
      metadata: { from: cluster.name, to: input.name },
    });
    return { id: cluster.id, changed: true };
  });
}
