"use server";
// Webhooks: Delete a webhook endpoint and its delivery log.
import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/auth/authed-action";
import { webhookIdSchema } from "@/lib/webhooks/schemas";
import { deleteWebhookEndpoint as run } from "@/lib/webhooks/endpoints";

export const deleteWebhook = authedAction({ schema: webhookIdSchema, permission: "webhook:manage" }, async (input, member) => {
  const result = await run(member, input);
  revalidatePath("/organization/webhooks", "layout");
  return result;
});
