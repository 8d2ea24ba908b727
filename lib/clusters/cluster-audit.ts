// The audit event of a change to a cluster: in the cluster's Activity, with
// the cluster (its name as of the change) as target.
import type { Tx } from "@/lib/db/client";
import { type AuditAction, type AuditInput, recordEvent } from "@/lib/audit/record-event";
import type { Principal } from "@/lib/auth/principal";

export function recordClusterEvent(
  tx: Tx,
  member: Principal,
  cluster: { id: string; name: string },
  action: Extract<AuditAction, `cluster.${string}`>,
  metadata?: AuditInput["metadata"],
): Promise<void> {
  return recordEvent(tx, {
    organizationId: member.organizationId,
    clusterId: cluster.id,
    actor: member,
    action,
    target: { type: "cluster", id: cluster.id, name: cluster.name },
    metadata,
  });
}
