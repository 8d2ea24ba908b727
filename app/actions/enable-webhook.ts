"use server";
// Webhooks: Enable an endpoint again after it was disabled by failures.
import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/auth/authed-action";
import { webhookIdSchema } from "@/lib/webhooks/schemas";
import { enableWebhookEndpoint as run } from "@/lib/webhooks/endpoints";

export const enableWebhook = authedAction({ schema: webhookIdSchema, permission: "webhook:manage" }, async (input, member) => {
  const result = await run(member, input);
  revalidatePath("/organization/webhooks", "layout");
  return result;
});
