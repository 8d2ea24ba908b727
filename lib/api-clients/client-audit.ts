// Audit action and target of a change to a client, by kind: cluster clients
// are "client.*" / api_client, Administration API clients "admin_client.*" /
// admin_client, so the Activity pages can tell them apart.
import type { AuditAction } from "@/lib/audit/record-event";

export function clientAudit(
  client: { clientId: string; name: string; clusterId: string | null },
  verb: "created" | "secret_rotated" | "grace_period_ended" | "revoked",
): { action: AuditAction; target: { type: string; id: string; name: string } } {
  const admin = client.clusterId === null;
  return {
    action: `${admin ? "admin_client" : "client"}.${verb}`,
    target: { type: admin ? "admin_client" : "api_client", id: client.clientId, name: client.name },
  };
}
