// /webhooks: the organization's webhook endpoints, through the same domain
// functions as the console's Webhooks tab. Not in Camunda's API. The signing
// secret is in the create and rotate responses only. Credentials act with the
// right of the member who created them, as that member is now (owners and
// admins manage webhooks).
import "server-only";
import { z } from "zod";
import { createWebhookEndpoint, deleteWebhookEndpoint, listWebhookEndpoints, rotateWebhookSecret, type WebhookEndpointView } from "@/lib/webhooks/endpoints";
import { createWebhookSchema, WEBHOOK_EVENT_CHOICES } from "@/lib/webhooks/schemas";
import { defineOperation } from "@/lib/admin-api/operation";

const webhookParam = z.object({ webhookId: z.uuid() });

const webhook = z.object({
  id: z.uuid(),
  url: z.string().describe("Where the console POSTs the events."),
  description: z.string(),
  events: z.array(z.string()).describe(`Subscribed events: "*" (every event), a group ("client.*") or an action ("client.revoked"). Choices: ${WEBHOOK_EVENT_CHOICES.join(", ")}.`),
  enabled: z.boolean().describe("false once the console disabled it after repeated failures (enable it again in the console)."),
  created: z.iso.datetime(),
});

const createBody = createWebhookSchema.extend({
  events: z.array(z.string().refine((e) => WEBHOOK_EVENT_CHOICES.includes(e), "Choose events from the list.")).min(1, "Choose at least one event.").max(100),
});

const rotateBody = z.object({
  overlapHours: z.number().int().min(0).max(168).optional().describe("How long the old secret keeps signing as well (default 24)."),
});

const view = (e: WebhookEndpointView) => ({
  id: e.id,
  url: e.url,
  description: e.description,
  events: e.events,
  enabled: e.disabledAt === null,
  created: e.createdAt.toISOString(),
});

export const webhookOperations = [
  defineOperation({
    operationId: "GetWebhooks",
    method: "GET",
    path: "/webhooks",
    summary: "List the organization's webhook endpoints",
    description: "Not in Camunda's API. Oldest first; never their signing secrets.",
    permission: "WEBHOOKS_GET",
    response: { status: 200, schema: z.array(webhook), description: "The endpoints." },
    run: async ({ principal }) => (await listWebhookEndpoints(principal.organizationId)).map(view),
  }),
  defineOperation({
    operationId: "CreateWebhook",
    method: "POST",
    path: "/webhooks",
    summary: "Add a webhook endpoint",
    description:
      "Not in Camunda's API. The signing secret (Standard Webhooks, `whsec_…`) is in this response only. https only in production; the URL may not carry credentials, and may not reach private or loopback addresses unless the server allows it.",
    permission: "WEBHOOKS_CREATE",
    body: createBody,
    response: { status: 200, schema: webhook.extend({ secret: z.string().describe("The signing secret, shown once.") }), description: "The endpoint with its signing secret." },
    run: async ({ principal, body }) => {
      const { endpoint, secret } = await createWebhookEndpoint(principal, { url: body.url, events: [...new Set(body.events)], description: body.description });
      return { ...view(endpoint), secret };
    },
  }),
  defineOperation({
    operationId: "DeleteWebhook",
    method: "DELETE",
    path: "/webhooks/{webhookId}",
    summary: "Delete a webhook endpoint",
    description: "Not in Camunda's API. No more events are sent to it; its delivery log goes with it.",
    permission: "WEBHOOKS_DELETE",
    params: webhookParam,
    response: { status: 204, description: "Deleted." },
    run: async ({ principal, params }) => {
      await deleteWebhookEndpoint(principal, { endpointId: params.webhookId });
    },
  }),
  defineOperation({
    operationId: "RotateWebhookSecret",
    method: "POST",
    path: "/webhooks/{webhookId}/secret",
    summary: "Rotate a webhook endpoint's signing secret",
    description: "Not in Camunda's API. The new secret is in this response only; during the overlap, requests carry a signature with the old secret as well.",
    permission: "WEBHOOKS_UPDATE",
    params: webhookParam,
    body: rotateBody,
    response: {
      status: 200,
      schema: z.object({ secret: z.string(), previousSecretExpiresAt: z.iso.datetime().nullable() }),
      description: "The new signing secret.",
    },
    run: async ({ principal, params, body }) => {
      const r = await rotateWebhookSecret(principal, { endpointId: params.webhookId, overlapHours: body.overlapHours ?? 24 });
      return { secret: r.secret, previousSecretExpiresAt: r.previousSecretUntil?.toISOString() ?? null };
    },
  }),
];

