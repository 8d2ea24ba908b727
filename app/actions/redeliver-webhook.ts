"use server";
// Webhooks: Send one delivery of the log again (same webhook-id).
import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/auth/authed-action";
import { deliveryIdSchema } from "@/lib/webhooks/schemas";
import { redeliverWebhook as run } from "@/lib/webhooks/endpoints";

export const redeliverWebhook = authedAction({ schema: deliveryIdSchema, permission: "webhook:manage" }, async (input, member) => {
  const result = await run(member, input);
  revalidatePath("/organization/webhooks", "layout");
  return result;
});
