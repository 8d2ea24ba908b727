"use server";
// Webhooks: Rotate an endpoint's signing secret; the new one appears only in this response.
import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/auth/authed-action";
import { rotateWebhookSchema } from "@/lib/webhooks/schemas";
import { rotateWebhookSecret as run } from "@/lib/webhooks/endpoints";

export const rotateWebhookSecret = authedAction({ schema: rotateWebhookSchema, permission: "webhook:manage" }, async (input, member) => {
  const result = await run(member, input);
  revalidatePath("/organization/webhooks", "layout");
  return result;
});
