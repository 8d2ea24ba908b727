// Every change writes one audit event inside the same transaction as the
// change itself, so the trail can never disagree with the data.
import type { Tx } from "@/lib/db/client";
import { queueWebhookDeliveries } from "@/lib/audit/webhook-outbox";
import type { Actor } from "@/lib/auth/principal";
import type { AuditAction } from "@/lib/audit/actions";

export type { AuditAction };

/** Who the console is in the trail when it acts on its own (expiry notices, disabling a failing webhook). */
export const CONSOLE_ACTOR = { userId: null, email: "console", name: "Cluster Console" } as const;

export interface AuditInput {
  organizationId: string;
  clusterId?: string | null;
  actor: Actor;
  action: AuditAction;
  target: { type: string; id: string; name: string };
  metadata?: Record<string, string | number | boolean | null>;
}

export async function recordEvent(tx: Tx, e: AuditInput): Promise<void> {
  const event = await tx.auditEvent.create({
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
    select: { id: true },
  });
  // The organization's webhook endpoints that want this event get it, in this same transaction.
  await queueWebhookDeliveries(tx, e.organizationId, event.id, e.action);
}
