// Every change writes one audit event inside the same transaction as the
// change itself, so the trail can never disagree with the data.
import type { Tx } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/principal";
import type { AuditAction } from "@/lib/audit/actions";

export type { AuditAction };

export interface AuditInput {
  organizationId: string;
  clusterId?: string | null;
  actor: Actor;
  action: AuditAction;
  target: { type: string; id: string; name: string };
  metadata?: Record<string, string | number | boolean | null>;
}

export async function recordEvent(tx: Tx, e: AuditInput): Promise<void> {
  await tx.auditEvent.create({
    data: {
      organizationId: e.organizationId,
      clusterId: e.clusterId ?? null,
      actorId: e.actor.userId,
      actorEmail: e.actor.email,
      actorName: e.actor.name || e.actor.email,
      actorClientId: e.actor.clientId ?? null,
      action: e.action,
      targetType: e.target.type,
      targetId: e.target.id,
      targetName: e.target.name,
      metadata: e.metadata ?? {},
    },
  });
}
