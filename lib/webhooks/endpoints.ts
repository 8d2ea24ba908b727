// Owners and admins manage the organization's webhook endpoints: add one (its
// signing secret shown once), rotate the secret with an overlap, delete one,
// enable one again after it was disabled, redeliver from the log, send a test
// event. The console's server actions and the Administration API call these.
// Authority is checked again inside each transaction, with the role as it is then.
import "server-only";
import { randomUUID } from "node:crypto";
import { db, type Tx } from "@/lib/db/client";
import { AppError, fieldError, forbidden, notFound } from "@/lib/errors";
import { recordEvent } from "@/lib/audit/record-event";
import { can } from "@/lib/auth/roles";
import { roleNow } from "@/lib/members/owner-guard";
import type { Role } from "@/lib/generated/prisma/enums";
import type { Principal } from "@/lib/auth/principal";
import { seal, sealingAvailable, unseal } from "@/lib/crypto/seal";
import { urlProblem } from "@/lib/webhooks/outgoing";
import { newSigningSecret } from "@/lib/webhooks/signing";
import { TEST_EVENT } from "@/lib/audit/webhook-outbox";
import { WEBHOOK_ENDPOINTS_MAX } from "@/lib/webhooks/schemas";
import { shortWebhookUrl } from "@/lib/webhooks/display";

export interface WebhookEndpointView {
  id: string;
  url: string;
  description: string;
  events: string[];
  createdAt: Date;
  createdByEmail: string;
  disabledAt: Date | null;
  disabledReason: string | null;
  previousSecretUntil: Date | null;
}

const VIEW = {
  id: true,
  url: true,
  description: true,
  events: true,
  createdAt: true,
  createdByEmail: true,
  disabledAt: true,
  disabledReason: true,
  previousSecretUntil: true,
} as const;

/**
 * The principal may still manage webhooks, checked in the change's own
 * transaction: a member's role as it is now; Administration API credentials
 * with the right of the member who created them, as that member is now.
 */
async function assertMayManage(tx: Tx, actor: Principal) {
  if (!can(actor.role, "webhook:manage")) throw forbidden();
  if (actor.userId) {
    const rows = await tx.$queryRaw<{ role: string }[]>`
      SELECT role::text FROM memberships WHERE organization_id = ${actor.organizationId}::uuid AND user_id = ${actor.userId}::uuid FOR SHARE`;
    if (!rows[0] || !can(rows[0].role as Role, "webhook:manage")) throw forbidden();
    return;
  }
  const role = await roleNow(tx, actor);
  if (role === null || !can(role, "webhook:manage")) {
    throw forbidden("The member who created these credentials can no longer manage webhooks, so neither can the credentials.");
  }
}

export async function listWebhookEndpoints(organizationId: string): Promise<WebhookEndpointView[]> {
  return db().webhookEndpoint.findMany({ where: { organizationId }, select: VIEW, orderBy: { createdAt: "asc" }, take: WEBHOOK_ENDPOINTS_MAX });
}

export async function getWebhookEndpoint(organizationId: string, id: string): Promise<WebhookEndpointView | null> {
  return db().webhookEndpoint.findFirst({ where: { organizationId, id }, select: VIEW });
}

export interface WebhookDeliveryView {
  id: string;
  eventType: string;
  status: string;
  attempts: number;
  responseStatus: number | null;
  durationMs: number | null;
  lastError: string | null;
  createdAt: Date;
  lastAttemptAt: Date | null;
}

export const DELIVERY_LOG_PAGE = 50;

export async function listDeliveries(organizationId: string, endpointId: string): Promise<WebhookDeliveryView[]> {
  return db().webhookDelivery.findMany({
    where: { endpointId, endpoint: { organizationId } },
    select: { id: true, eventType: true, status: true, attempts: true, responseStatus: true, durationMs: true, lastError: true, createdAt: true, lastAttemptAt: true },
    orderBy: { createdAt: "desc" },
    take: DELIVERY_LOG_PAGE,
  });
}

export async function createWebhookEndpoint(
  actor: Principal,
  input: { url: string; events: string[]; description: string },
): Promise<{ endpoint: WebhookEndpointView; secret: string }> {
  const problem = urlProblem(input.url);
  if (problem) throw fieldError("invalid_input", { url: [problem] });
  if (!sealingAvailable()) throw new AppError("conflict", "Webhooks need KEY_ENCRYPTION_KEY to be set on the server.");
  const id = randomUUID();
  const secret = newSigningSecret();
  const endpoint = await db().$transaction(async (tx) => {
    await assertMayManage(tx, actor);
    const count = await tx.webhookEndpoint.count({ where: { organizationId: actor.organizationId } });
    if (count >= WEBHOOK_ENDPOINTS_MAX) throw new AppError("conflict", `An organization has at most ${WEBHOOK_ENDPOINTS_MAX} webhook endpoints. Delete one first.`);
    const created = await tx.webhookEndpoint.create({
      data: {
        id,
        organizationId: actor.organizationId,
        url: input.url,
        description: input.description,
        events: input.events,
        secretSealed: seal("webhook-secret", id, secret),
        createdByEmail: actor.email,
      },
      select: VIEW,
    });
    await recordEvent(tx, {
      organizationId: actor.organizationId,
      actor,
      action: "webhook.created",
      target: { type: "webhook", id, name: shortWebhookUrl(input.url) },
      metadata: { events: input.events.join(" ") },
    });
    return created;
  });
  return { endpoint, secret };
}

export async function rotateWebhookSecret(actor: Principal, input: { endpointId: string; overlapHours: number }, now = new Date()): Promise<{ secret: string; previousSecretUntil: Date | null }> {
  const secret = newSigningSecret();
  return db().$transaction(async (tx) => {
    await assertMayManage(tx, actor);
    const rows = await tx.$queryRaw<{ id: string; url: string; secret_sealed: Uint8Array }[]>`
      SELECT id::text, url, secret_sealed FROM webhook_endpoints WHERE id = ${input.endpointId}::uuid AND organization_id = ${actor.organizationId}::uuid FOR UPDATE`;
    const e = rows[0];
    if (!e) throw notFound("Webhook endpoint");
    const previous = unseal("webhook-secret", e.id, e.secret_sealed);
    const until = input.overlapHours > 0 ? new Date(now.getTime() + input.overlapHours * 3_600_000) : null;
    await tx.webhookEndpoint.update({
      where: { id: e.id },
      data: {
        secretSealed: seal("webhook-secret", e.id, secret),
        previousSecretSealed: until ? seal("webhook-secret-previous", e.id, previous) : null,
        previousSecretUntil: until,
      },
    });
    await recordEvent(tx, {
      organizationId: actor.organizationId,
      actor,
      action: "webhook.secret_rotated",
      target: { type: "webhook", id: e.id, name: shortWebhookUrl(e.url) },
      metadata: { overlapHours: input.overlapHours },
    });
    return { secret, previousSecretUntil: until };
  });
}

export async function deleteWebhookEndpoint(actor: Principal, input: { endpointId: string }): Promise<void> {
  await db().$transaction(async (tx) => {
    await assertMayManage(tx, actor);
    const e = await tx.webhookEndpoint.findFirst({ where: { id: input.endpointId, organizationId: actor.organizationId }, select: { id: true, url: true } });
    if (!e) throw notFound("Webhook endpoint");
    await tx.webhookEndpoint.delete({ where: { id: e.id } });
    await recordEvent(tx, { organizationId: actor.organizationId, actor, action: "webhook.deleted", target: { type: "webhook", id: e.id, name: e.url } });
  });
}

export async function enableWebhookEndpoint(actor: Principal, input: { endpointId: string }): Promise<void> {
  await db().$transaction(async (tx) => {
    await assertMayManage(tx, actor);
    const e = await tx.webhookEndpoint.findFirst({ where: { id: input.endpointId, organizationId: actor.organizationId }, select: { id: true, url: true, disabledAt: true } });
    if (!e) throw notFound("Webhook endpoint");
    if (!e.disabledAt) return;
    await tx.webhookEndpoint.update({ where: { id: e.id }, data: { disabledAt: null, disabledReason: null, consecutiveFailures: 0 } });
    await recordEvent(tx, { organizationId: actor.organizationId, actor, action: "webhook.enabled", target: { type: "webhook", id: e.id, name: e.url } });
  });
}

/** The delivery goes out again, once, with its webhook-id (receivers deduplicate on it). */
export async function redeliverWebhook(actor: Principal, input: { deliveryId: string }): Promise<void> {
  await db().$transaction(async (tx) => {
    await assertMayManage(tx, actor);
    const changed = await tx.webhookDelivery.updateMany({
      where: { id: input.deliveryId, endpoint: { organizationId: actor.organizationId }, enqueuedAt: { not: null } },
      data: { status: "pending", enqueuedAt: null, generation: { increment: 1 } },
    });
    if (changed.count === 0) throw notFound("Delivery");
  });
}

/** A "webhook.test" event to this endpoint alone; nothing in the trail (it changes nothing). */
export async function sendTestWebhook(actor: Principal, input: { endpointId: string }, now = new Date()): Promise<{ deliveryId: string }> {
  return db().$transaction(async (tx) => {
    await assertMayManage(tx, actor);
    const e = await tx.webhookEndpoint.findFirst({ where: { id: input.endpointId, organizationId: actor.organizationId }, select: { id: true } });
    if (!e) throw notFound("Webhook endpoint");
    const timestamp = now.toISOString();
    const d = await tx.webhookDelivery.create({
      data: {
        endpointId: e.id,
        eventType: TEST_EVENT,
        payload: { type: TEST_EVENT, timestamp, data: { message: "A test event from Cluster Console.", orgId: actor.organizationId, timestamp } },
      },
      select: { id: true },
    });
    return { deliveryId: d.id };
  });
}
