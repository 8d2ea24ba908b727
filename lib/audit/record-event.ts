// Every change writes one audit event inside the same transaction as the
// change itself, so the trail can never disagree with the data.
import type { Tx } from "@/lib/db/client";
import { queueWebhookDeliveries } from "@/lib/webhooks/outbox";

export type AuditAction =
  | "organization.created"
  | "organization.max_secret_age_changed"
  | "member.added"
  | "member.role_changed"
  | "member.removed"
  | "invitation.created"
  | "invitation.revoked"
  | "invitation.accepted"
  | "password_reset.created"
  | "password_reset.used"
  | "password_reset.revoked"
  | "cluster.created"
  | "cluster.deleted"
  | "cluster.addresses_changed"
  | "client.created"
  | "client.secret_rotated"
  | "client.grace_period_ended"
  | "client.revoked"
  | "cluster.renamed"
  | "cluster.description_changed"
  | "admin_client.created"
  | "admin_client.secret_rotated"
  | "admin_client.grace_period_ended"
  | "admin_client.revoked"

  | "client.renamed"
  | "client.description_changed"
  | "client.scopes_changed"
  | "client.deleted"
  | "account.password_changed"
  | "account.renamed"
  | "account.password_recovered"
  | "client.secret_expiring"
  | "client.secret_expired"
  | "admin_client.secret_expiring"
  | "admin_client.secret_expired"
  | "webhook.created"
  | "webhook.secret_rotated"
  | "webhook.deleted"
  | "webhook.disabled"
  | "webhook.enabled";

/**
 * Who made a change; a signed-in Member is one. An Administration API client
 * has no user: its client ID is recorded, and `email` holds its label.
 * `name` is kept with the event (the Activity sentences), also after the
 * member leaves; without one the email stands in.
 */
export interface Actor {
  userId: string | null;
  email: string;
  name?: string | null;
  clientId?: string | null;
}

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
