// The webhook side of every audit event (lib/webhooks delivers them): in the event's own transaction, one
// delivery row per enabled endpoint of the organization that wants the event.
// The rows are the outbox: each instance's relay (lib/jobs/relay.ts) hands
// them to the queue, so a delivery exists exactly when its change committed.
// The payload is fixed here, as the Activity API returns the event.
import type { Tx } from "@/lib/db/client";
import { ACTIVITY_COLUMNS, toActivityRecord, type ActivityRecord } from "@/lib/audit/activity-record";

/** What a receiver gets: the Standard Webhooks envelope around the Activity API's event. */
export interface WebhookPayload {
  type: string;
  timestamp: string;
  data: Omit<ActivityRecord, "timestamp"> & { timestamp: string };
}

/** The event of the "Send test event" button: sent only to the endpoint it is sent from. */
export const TEST_EVENT = "webhook.test";

/** An endpoint's `events`: action names, group wildcards ("client.*"), or "*" for all. */
export function wantsEvent(events: readonly string[], action: string): boolean {
  const group = action.split(".")[0];
  return events.some((e) => e === "*" || e === action || e === `${group}.*`);
}

export function payloadFor(record: ActivityRecord): WebhookPayload {
  const timestamp = new Date(record.timestamp).toISOString();
  return { type: record.audit, timestamp, data: { ...record, timestamp } };
}

export async function queueWebhookDeliveries(tx: Tx, organizationId: string, eventId: bigint, action: string): Promise<number> {
  const endpoints = await tx.webhookEndpoint.findMany({
    where: { organizationId, disabledAt: null },
    select: { id: true, events: true },
    take: 100,
  });
  const wanting = endpoints.filter((e) => wantsEvent(e.events, action));
  if (!wanting.length) return 0;
  const row = await tx.auditEvent.findUniqueOrThrow({ where: { id: eventId }, select: ACTIVITY_COLUMNS });
  const names = new Map<string, string>();
  if (row.clusterId) {
    const cluster = await tx.cluster.findUnique({ where: { id: row.clusterId }, select: { name: true } });
    if (cluster) names.set(row.clusterId, cluster.name);
  }
  const payload = payloadFor(toActivityRecord(organizationId, row, names));
  await tx.webhookDelivery.createMany({
    data: wanting.map((e) => ({ endpointId: e.id, eventId, eventType: action, payload: payload as object })),
  });
  return wanting.length;
}
