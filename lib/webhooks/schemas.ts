// What a webhook endpoint is made of, for the console's forms and the
// Administration API alike. Plain data (client components import the event list).
import { z } from "zod";
import { ACTIONS, actionGroup } from "@/lib/audit/actions";
import { descriptionSchema } from "@/lib/validation/description";

export const WEBHOOK_DESCRIPTION_MAX = 500;
export const WEBHOOK_ENDPOINTS_MAX = 20;

/** What an endpoint may subscribe to: every event ("*"), a group ("client.*"), or one action. */
export const WEBHOOK_EVENT_CHOICES: readonly string[] = [
  "*",
  ...new Set(Object.keys(ACTIONS).map((a) => `${actionGroup(a)}.*`)),
  ...Object.keys(ACTIONS),
];

const eventSchema = z.string().refine((e) => WEBHOOK_EVENT_CHOICES.includes(e), "Choose events from the list.");

export const webhookEventsSchema = z
  .union([eventSchema, z.array(eventSchema)], { error: "Choose at least one event." })
  .transform((v) => [...new Set(Array.isArray(v) ? v : [v])])
  .pipe(z.array(z.string()).min(1, "Choose at least one event.").max(100));

export const webhookUrlSchema = z.string({ error: "Enter the receiver's URL." }).trim().min(1, "Enter the receiver's URL.").max(2000, "Use at most 2000 characters.");

export const createWebhookSchema = z.object({
  url: webhookUrlSchema,
  events: webhookEventsSchema,
  // The one description rule (clients and clusters have it too).
  description: descriptionSchema(WEBHOOK_DESCRIPTION_MAX),
});

export const webhookIdSchema = z.object({ endpointId: z.uuid({ error: "Unknown endpoint." }) });

/** How long the previous secret keeps signing after a rotation. */
export const rotateWebhookSchema = webhookIdSchema.extend({
  overlapHours: z.coerce.number({ error: "Choose how long the old secret keeps signing." }).int().min(0).max(168).default(24),
});

export const deliveryIdSchema = z.object({ deliveryId: z.uuid({ error: "Unknown delivery." }) });
