// The audit event of a change to the member's organization itself (its
// policies, its single sign-on), with the organization as target.
import type { Tx } from "@/lib/db/client";
import { type AuditAction, type AuditInput, recordEvent } from "@/lib/audit/record-event";
import type { Principal } from "@/lib/auth/principal";

export function recordOrganizationEvent(
  tx: Tx,
  member: Principal,
  organizationName: string,
  action: AuditAction,
  metadata?: AuditInput["metadata"],
): Promise<void> {
  return recordEvent(tx, {
    organizationId: member.organizationId,
    actor: member,
    action,
    target: { type: "organization", id: member.organizationId, name: organizationName },
    metadata,
  });
}
