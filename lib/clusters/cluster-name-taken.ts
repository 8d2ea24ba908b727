// Cluster names are unique among an organization's live clusters, compared
// ignoring case (as client names within a cluster): two "Production EU"
// clusters could not be told apart in Activity or in its cluster filter.
// A pre-check gives the friendly error; the partial unique index on
// (organization_id, lower(name)) WHERE deleted_at IS NULL settles races.
import "server-only";
import type { Tx } from "@/lib/db/client";
import { fieldError } from "@/lib/errors";

/** Names the cluster that holds the name, which may differ in case from what was typed. */
export const duplicateClusterName = (existing: string) =>
  fieldError("conflict", {
    name: [`Your organization already has a cluster named “${existing}”; names are compared ignoring case. Choose another name.`],
  });

/** The live cluster (other than `exceptId`) that already has this name, ignoring case. */
export function liveClusterNamed(tx: Tx, organizationId: string, name: string, exceptId?: string) {
  return tx.cluster.findFirst({
    where: {
      organizationId,
      deletedAt: null,
      name: { equals: name, mode: "insensitive" },
      ...(exceptId ? { id: { not: exceptId } } : {}),
    },
    select: { name: true },
  });
}
