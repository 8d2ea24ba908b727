// The job that sends one webhook delivery (lib/audit/webhook-outbox.ts). Each
// attempt signs anew (a fresh webhook-timestamp, the same webhook-id) and
// records its status, response code and duration on the delivery. A failed
// attempt throws and the queue retries it with exponential backoff
// (WEBHOOK_MAX_ATTEMPTS, WEBHOOK_RETRY_DELAY_SECONDS: about a day by
// default). When the last attempt fails, the endpoint is disabled, the trail
// records it and the owners are told (by email where configured).
import { config } from "@/lib/config";
import { db } from "@/lib/db/client";
import { unseal } from "@/lib/crypto/seal";
import { CONSOLE_ACTOR, recordEvent } from "@/lib/audit/record-event";
import { queueEmail } from "@/lib/email/queue-email";
import { webhookDisabledEmail } from "@/lib/email/templates";
import { countWebhook, notificationCounts } from "@/lib/ops/notification-counts";
import type { JobLog } from "@/lib/ops/job-log";
import { postChecked, RefusedUrl } from "@/lib/webhooks/outgoing";
import { signatureHeaders } from "@/lib/webhooks/signing";
import { shortWebhookUrl } from "@/lib/webhooks/display";

export const endpointSecrets = (e: { id: string; secretSealed: Uint8Array; previousSecretSealed: Uint8Array | null; previousSecretUntil: Date | null }, now = new Date()) => [
  unseal("webhook-secret", e.id, e.secretSealed),
  ...(e.previousSecretSealed && e.previousSecretUntil && e.previousSecretUntil > now ? [unseal("webhook-secret-previous", e.id, e.previousSecretSealed)] : []),
];

export async function deliverWebhookJob(deliveryId: string, attempt: { final: boolean; manual?: boolean }, log: JobLog): Promise<void> {
  const d = await db().webhookDelivery.findUnique({ where: { id: deliveryId }, include: { endpoint: true } });
  if (!d || d.status === "delivered") return;
  const e = d.endpoint;
  if (e.disabledAt && !attempt.manual) {
    await db().webhookDelivery.update({ where: { id: d.id }, data: { status: "skipped", lastError: "The endpoint is disabled." } });
    return;
  }
  const body = JSON.stringify(d.payload);
  const timestamp = Math.floor(Date.now() / 1000);
  let status: number | null = null;
  let durationMs: number | null = null;
  let error: string | null = null;
  const started = performance.now();
  try {
    const res = await postChecked(e.url, body, signatureHeaders(endpointSecrets(e), d.id, timestamp, body));
    status = res.status;
    durationMs = res.durationMs;
    if (status < 200 || status >= 300) error = `The receiver answered ${status}.`;
  } catch (err) {
    durationMs = Math.round(performance.now() - started);
    error = err instanceof RefusedUrl ? `Refused: ${err.message}.` : `Not delivered: ${(err as Error).message}`.slice(0, 300);
  }
  const common = { attempts: { increment: 1 }, responseStatus: status, durationMs, lastAttemptAt: new Date(), lastError: error };
  if (!error) {
    await db().$transaction([
      db().webhookDelivery.update({ where: { id: d.id }, data: { ...common, status: "delivered" } }),
      db().webhookEndpoint.update({ where: { id: e.id }, data: { consecutiveFailures: 0 } }),
    ]);
    countWebhook("delivered");
    return;
  }
  if (!attempt.final) {
    await db().$transaction([
      db().webhookDelivery.update({ where: { id: d.id }, data: { ...common, status: "retrying" } }),
      db().webhookEndpoint.update({ where: { id: e.id }, data: { consecutiveFailures: { increment: 1 } } }),
    ]);
    countWebhook("retried");
    throw new Error(error);
  }
  await db().webhookDelivery.update({ where: { id: d.id }, data: { ...common, status: "failed" } });
  countWebhook("failed");
  log.warn(`webhook delivery ${d.id} to endpoint ${e.id} failed for good: ${error}`);
  // A manual redelivery or test event that fails does not disable the endpoint.
  if (!attempt.manual && !e.disabledAt) await disableEndpoint(e.id, d.attempts + 1, log);
}

async function disableEndpoint(endpointId: string, attempts: number, log: JobLog) {
  const cfg = config();
  const done = await db().$transaction(async (tx) => {
    const changed = await tx.webhookEndpoint.updateMany({
      where: { id: endpointId, disabledAt: null },
      data: { disabledAt: new Date(), disabledReason: `The last delivery failed ${attempts} times.` },
    });
    if (changed.count === 0) return false;
    const ep = await tx.webhookEndpoint.findUniqueOrThrow({
      where: { id: endpointId },
      select: { id: true, url: true, organizationId: true, organization: { select: { name: true } } },
    });
    await recordEvent(tx, {
      organizationId: ep.organizationId,
      actor: CONSOLE_ACTOR,
      action: "webhook.disabled",
      target: { type: "webhook", id: ep.id, name: shortWebhookUrl(ep.url) },
      metadata: { attempts },
    });
    const owners = await tx.membership.findMany({
      where: { organizationId: ep.organizationId, role: "OWNER" },
      select: { user: { select: { email: true } } },
      take: 50,
    });
    const content = webhookDisabledEmail({ org: ep.organization.name, url: shortWebhookUrl(ep.url), attempts, pageUrl: `${cfg.PUBLIC_URL}/organization/webhooks/${ep.id}` });
    for (const o of owners) await queueEmail(tx, { organizationId: ep.organizationId, kind: "webhook_disabled", to: o.user.email, content });
    return true;
  });
  if (done) {
    notificationCounts().endpointsDisabled++;
    log.warn(`webhook endpoint ${endpointId} disabled after repeated failures`);
  }
}
