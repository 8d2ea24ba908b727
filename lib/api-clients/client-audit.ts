// Audit action and target of a change to a client, by kind: cluster clients
// are "client.*" / api_client, Administration API clients "admin_client.*" /
// admin_client, so the Activity pages can tell them apart.
import type { Tx } from "@/lib/db/client";
import { type AuditAction, type AuditInput, recordEvent } from "@/lib/audit/record-event";
import type { Principal } from "@/lib/auth/principal";

type ClientRef = { clientId: string; name: string; clusterId: string | null };
type ClientVerb = "created" | "secret_rotated" | "grace_period_ended" | "revoked";

export function clientAudit(client: ClientRef, verb: ClientVerb): { action: AuditAction; target: { type: string; id: string; name: string } } {
  const admin = client.clusterId === null;
  return {
    action: `${admin ? "admin_client" : "client"}.${verb}`,
    target: { type: admin ? "admin_client" : "api_client", id: client.clientId, name: client.name },
  };
}

/** Records what `member` did to a client, in the same transaction as the change. */
export function recordClientEvent(tx: Tx, member: Principal, client: ClientRef, verb: ClientVerb, metadata: AuditInput["metadata"]): Promise<void> {
  return recordEvent(tx, { organizationId: member.organizationId, clusterId: client.clusterId, actor: member, ...clientAudit(client, verb), metadata });
}
