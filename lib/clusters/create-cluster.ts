import "server-only";
import { config } from "@/lib/config";
import { db } from "@/lib/db/client";
import { fieldError } from "@/lib/errors";
import { recordClusterEvent } from "@/lib/clusters/cluster-audit";
import type { Principal } from "@/lib/auth/principal";
import type { RegisteredAddresses } from "@/lib/clusters/schemas";
import { isUniqueViolation } from "@/lib/db/unique-violation";
import { duplicateClusterName, liveClusterNamed } from "@/lib/clusters/cluster-name-taken";

/** `registered`: the cluster's real addresses (normalized by the schema); absent or null = derived. */
export async function createCluster(
  member: Principal,
  input: { name: string; description?: string; region: string; registered?: RegisteredAddresses | null },
) {
  if (!config().CLUSTER_REGIONS.includes(input.region)) {
    throw fieldError("invalid_input", { region: ["Choose one of the offered regions."] });
  }
  try {
    return await db().$transaction(async (tx) => {
      const taken = await liveClusterNamed(tx, member.organizationId, input.name);
      if (taken) throw duplicateClusterName(taken.name);
      const cluster = await tx.cluster.create({
        data: {
          organizationId: member.organizationId,
          name: input.name,
          description: input.description ?? "",
          region: input.region,
          ...(input.registered ?? {}),
          createdById: member.userId,
          createdByEmail: member.email,
        },
        select: { id: true, name: true, region: true },
      });
      await recordClusterEvent(tx, member, cluster, "cluster.created", { region: cluster.region, ...(input.registered ?? {}) });
      return cluster;
    });
  } catch (err) {
    // Lost a race to a concurrent create of the same name: the index refused it.
    if (isUniqueViolation(err)) throw duplicateClusterName(input.name);
    throw err;
  }
}
