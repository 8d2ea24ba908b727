"use server";
// Webhooks: Add a webhook endpoint; its signing secret appears only in this response.
import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/auth/authed-action";
import { createWebhookSchema } from "@/lib/webhooks/schemas";
import { createWebhookEndpoint as run } from "@/lib/webhooks/endpoints";

export const createWebhook = authedAction({ schema: createWebhookSchema, permission: "webhook:manage" }, async (input, member) => {
  const result = await run(member, input);
  revalidatePath("/organization/webhooks", "layout");
  return result;
});
