// Props of the webhook components: plain data from the pages; secrets arrive
// only in an action's result.
import type { ActionResult } from "@/lib/auth/authed-action";

export interface WebhookEndpointRow {
  id: string;
  url: string;
  description: string;
  events: string[];
  createdAt: Date;
  disabledAt: Date | null;
  disabledReason: string | null;
  previousSecretUntil: Date | null;
}

export interface IssuedWebhookSecret {
  secret: string;
}

export type ObjectAction<I, T = unknown> = (prev: undefined, input: I) => Promise<ActionResult<T>>;
