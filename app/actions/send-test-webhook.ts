"use server";
// Webhooks: Send a test event to one endpoint.
import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/auth/authed-action";
import { webhookIdSchema } from "@/lib/webhooks/schemas";
import { sendTestWebhook as run } from "@/lib/webhooks/endpoints";

export const sendTestWebhook = authedAction({ schema: webhookIdSchema, permission: "webhook:manage" }, async (input, member) => {
  const result = await run(member, input);
  revalidatePath("/organization/webhooks", "layout");
  return result;
});
