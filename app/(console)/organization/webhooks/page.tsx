// The Webhooks tab: the organization's endpoints (owners and admins only: a
// URL may itself carry a receiver's token), and "Add endpoint".
import type { Metadata } from "next";
import Link from "next/link";
import { requireMember } from "@/lib/auth/session";
import { can } from "@/lib/auth/roles";
import { config } from "@/lib/config";
import { listWebhookEndpoints } from "@/lib/webhooks/endpoints";
import { createWebhook } from "@/app/actions/create-webhook";
import { Card, EmptyState } from "@/components/ui/page-header";
import { formatDateTime } from "@/components/ui/format";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { AddWebhookDialog } from "@/components/webhooks/add-webhook-dialog";
import { EndpointStatus, EventList } from "@/components/webhooks/endpoint-status";

export const metadata: Metadata = { title: "Webhooks" };

export default async function WebhooksPage() {
  const member = await requireMember();
  const manage = can(member.role, "webhook:manage");
  const intro = (
    <div className="flex flex-wrap items-end justify-between gap-4">
      <div>
        <h2 className="text-lg font-semibold text-slate-900">Webhooks</h2>
        <p className="mt-0.5 max-w-2xl text-sm text-slate-600">
          Every change in the Activity trail, sent as a signed HTTP request to your pipelines and chat tools: clients
          created, rotated, revoked, secrets about to expire, members invited or removed.{" "}
          <Link href="/docs/notifications" className="font-medium text-brand-700 hover:underline">How to verify them</Link>
        </p>
      </div>
      {manage && <AddWebhookDialog action={createWebhook} production={config().NODE_ENV === "production"} />}
    </div>
  );
  if (!manage) {
    return (
      <div className="space-y-5">
        {intro}
        <Card className="px-5 py-4 text-sm text-slate-600">Only owners and admins can see and manage the webhook endpoints.</Card>
      </div>
    );
  }
  const endpoints = await listWebhookEndpoints(member.organizationId);
  return (
    <div className="space-y-5">
      {intro}
      {endpoints.length === 0 ? (
        <EmptyState title="No webhook endpoints yet">Add an endpoint to have the console tell your systems about each change as it happens.</EmptyState>
      ) : (
        <Table aria-label="Webhook endpoints">
          <THead>
            <Th>Endpoint</Th>
            <Th>Events</Th>
            <Th>Status</Th>
            <Th>Added</Th>
          </THead>
          <TBody>
            {endpoints.map((e) => (
              <Tr key={e.id}>
                <Td label="Endpoint" wide className="max-w-md">
                  <Link href={`/organization/webhooks/${e.id}`} className="font-medium break-all text-brand-700 hover:underline">
                    {e.url}
                  </Link>
                  {e.description && <p className="mt-0.5 text-xs break-words whitespace-pre-line text-slate-500">{e.description}</p>}
                </Td>
                <Td label="Events">
                  <EventList events={e.events} />
                </Td>
                <Td label="Status">
                  <EndpointStatus disabledAt={e.disabledAt} />
                </Td>
                <Td label="Added" className="whitespace-nowrap text-slate-600">
                  {formatDateTime(e.createdAt)}
                </Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
    </div>
  );
}
