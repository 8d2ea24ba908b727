// One webhook endpoint: what it receives, its status, its buttons (test
// event, rotate, enable, delete) and its delivery log with redelivery.
// Owners and admins only; another organization's endpoint is the 404 page.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireMember } from "@/lib/auth/session";
import { can } from "@/lib/auth/roles";
import { getWebhookEndpoint, listDeliveries, DELIVERY_LOG_PAGE } from "@/lib/webhooks/endpoints";
import { sendTestWebhook } from "@/app/actions/send-test-webhook";
import { rotateWebhookSecret } from "@/app/actions/rotate-webhook-secret";
import { enableWebhook } from "@/app/actions/enable-webhook";
import { deleteWebhook } from "@/app/actions/delete-webhook";
import { redeliverWebhook } from "@/app/actions/redeliver-webhook";
import { Card, EmptyState } from "@/components/ui/page-header";
import { formatDateTime } from "@/components/ui/format";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { DeliveryStatus, EndpointStatus, EventList, eventLabel } from "@/components/webhooks/endpoint-status";
import { EndpointActions, RedeliverButton } from "@/components/webhooks/endpoint-actions";

export const metadata: Metadata = { title: "Webhook endpoint" };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default async function WebhookEndpointPage({ params }: { params: Promise<{ endpointId: string }> }) {
  const [member, { endpointId }] = await Promise.all([requireMember(), params]);
  if (!can(member.role, "webhook:manage") || !UUID.test(endpointId)) notFound();
  const endpoint = await getWebhookEndpoint(member.organizationId, endpointId);
  if (!endpoint) notFound();
  const deliveries = await listDeliveries(member.organizationId, endpoint.id);
  return (
    <div className="space-y-5">
      <Link href="/organization/webhooks" className="text-sm font-medium text-brand-700 hover:underline">
        ← All endpoints
      </Link>
      <Card className="space-y-4 p-5">
        <div className="flex flex-wrap items-start justify-between gap-3">
          <div className="min-w-0 space-y-1">
            <h2 className="text-base font-semibold break-all text-slate-900">{endpoint.url}</h2>
            {endpoint.description && <p className="text-sm break-words whitespace-pre-line text-slate-600">{endpoint.description}</p>}
          </div>
          <EndpointStatus disabledAt={endpoint.disabledAt} />
        </div>
        {endpoint.disabledAt && (
          <p role="status" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 ring-1 ring-red-200">
            Disabled on {formatDateTime(endpoint.disabledAt)}: {endpoint.disabledReason} Fix the receiver, send a test event, then enable it.
          </p>
        )}
        <dl className="grid gap-3 text-sm sm:grid-cols-2">
          <div>
            <dt className="text-xs font-medium tracking-wide text-slate-500 uppercase">Events</dt>
            <dd className="mt-1">
              <EventList events={endpoint.events} />
            </dd>
          </div>
          <div>
            <dt className="text-xs font-medium tracking-wide text-slate-500 uppercase">Added</dt>
            <dd className="mt-1 text-slate-700">
              {formatDateTime(endpoint.createdAt)} by <span className="break-all">{endpoint.createdByEmail}</span>
            </dd>
          </div>
          {endpoint.previousSecretUntil && endpoint.previousSecretUntil > new Date() && (
            <div>
              <dt className="text-xs font-medium tracking-wide text-slate-500 uppercase">Previous secret</dt>
              <dd className="mt-1 text-slate-700">Also signs until {formatDateTime(endpoint.previousSecretUntil)}</dd>
            </div>
          )}
        </dl>
        <EndpointActions
          endpointId={endpoint.id}
          url={endpoint.url}
          disabled={endpoint.disabledAt !== null}
          actions={{ sendTest: sendTestWebhook, rotate: rotateWebhookSecret, enable: enableWebhook, remove: deleteWebhook }}
        />
      </Card>
      <section aria-labelledby="delivery-log" className="space-y-2">
        <h2 id="delivery-log" className="text-base font-semibold text-slate-900">Delivery log</h2>
        <p className="text-sm text-slate-600">The newest {DELIVERY_LOG_PAGE} deliveries. Failed ones are retried with growing delays for about a day.</p>
        {deliveries.length === 0 ? (
          <EmptyState title="Nothing delivered yet">Send a test event, or make a change the endpoint listens to.</EmptyState>
        ) : (
          <Table aria-label="Deliveries">
            <THead>
              <Th>Event</Th>
              <Th>Status</Th>
              <Th>Response</Th>
              <Th>Attempts</Th>
              <Th>Time</Th>
              <Th>
                <span className="sr-only">Actions</span>
              </Th>
            </THead>
            <TBody>
              {deliveries.map((d) => (
                <Tr key={d.id}>
                  <Td label="Event" wide>
                    <span className="font-medium text-slate-900">{d.eventType === "webhook.test" ? "Test event" : eventLabel(d.eventType)}</span>
                    <code className="block font-mono text-[11px] break-all text-slate-500">{d.id}</code>
                    {d.lastError && <p className="mt-0.5 text-xs break-words text-red-700">{d.lastError}</p>}
                  </Td>
                  <Td label="Status">
                    <DeliveryStatus status={d.status} />
                  </Td>
                  <Td label="Response" className="whitespace-nowrap text-slate-700">
                    {d.responseStatus ?? "—"}
                    {d.durationMs !== null && <span className="text-slate-500"> · {d.durationMs} ms</span>}
                  </Td>
                  <Td label="Attempts" className="text-slate-700">
                    {d.attempts}
                  </Td>
                  <Td label="Time" className="whitespace-nowrap text-slate-600">
                    {formatDateTime(d.lastAttemptAt ?? d.createdAt)}
                  </Td>
                  {d.status !== "pending" && d.status !== "retrying" ? (
                    <Td label="Actions">
                      <RedeliverButton deliveryId={d.id} redeliver={redeliverWebhook} />
                    </Td>
                  ) : (
                    <Td />
                  )}
                </Tr>
              ))}
            </TBody>
          </Table>
        )}
      </section>
    </div>
  );
}
