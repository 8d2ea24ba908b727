// Rename a cluster and change its description (the console's edit dialog and
// the Administration API's PATCH /clusters/{id}), with one audit event per
// thing that changed, in the same transaction. Tenancy is in the lookup; the
// row is locked so two edits of one cluster run one after the other.
import "server-only";
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import { recordClusterEvent } from "@/lib/clusters/cluster-audit";
import type { Principal } from "@/lib/auth/principal";
import { isUniqueViolation } from "@/lib/db/unique-violation";
import { duplicateClusterName, liveClusterNamed } from "@/lib/clusters/cluster-name-taken";

export interface UpdatedCluster {
  id: string;
  name: string;
  /** What this call changed; empty when the input matched the cluster. */
  changed: Array<"name" | "description">;
}

/** An absent field stays as it is (the API's PATCH); the console sends both. */
export async function updateCluster(
  actor: Principal,
  input: { clusterId: string; name?: string; description?: string },
): Promise<UpdatedCluster> {
  try {
    return await db().$transaction(async (tx) => {
      const rows = await tx.$queryRaw<{ id: string; name: string; description: string }[]>`
        SELECT id::text, name, description FROM clusters
        WHERE id = ${input.clusterId}::uuid AND organization_id = ${actor.organizationId}::uuid AND deleted_at IS NULL
        FOR UPDATE`;
      const cluster = rows[0];
      if (!cluster) throw notFound("Cluster");
      const name = input.name ?? cluster.name;
      const description = input.description ?? cluster.description;
      const changed: UpdatedCluster["changed"] = [];
      if (name !== cluster.name) changed.push("name");
      if (description !== cluster.description) changed.push("description");
      if (changed.length === 0) return { id: cluster.id, name, changed };
      if (changed.includes("name") && name.toLowerCase() !== cluster.name.toLowerCase()) {
        const taken = await liveClusterNamed(tx, actor.organizationId, name, cluster.id);
        if (taken) throw duplicateClusterName(taken.name);
      }
      await tx.cluster.update({ where: { id: cluster.id }, data: { name, description }, select: { id: true } });
      const saved = { id: cluster.id, name };
      if (changed.includes("name")) await recordClusterEvent(tx, actor, saved, "cluster.renamed", { from: cluster.name, to: name });
      if (changed.includes("description")) {
        await recordClusterEvent(tx, actor, saved, "cluster.description_changed", { from: cluster.description, to: description });
      }
      return { id: cluster.id, name, changed };
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw duplicateClusterName(input.name ?? "");
    throw err;
  }
}
