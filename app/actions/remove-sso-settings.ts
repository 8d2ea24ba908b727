"use server";
// Owners: remove the organization's single sign-on (members without a
// password then need a reset link). Step-up first; audited.
import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/auth/authed-action";
import { requireStepUp } from "@/lib/account/step-up";
import { removeSsoSettingsSchema } from "@/lib/sso/schemas";
import { removeSsoSettings as remove } from "@/lib/sso/settings";

export const removeSsoSettings = authedAction({ schema: removeSsoSettingsSchema, permission: "organization:settings" }, async (_input, member) => {
  requireStepUp(member);
  const result = await remove(member);
  revalidatePath("/organization/single-sign-on");
  return result;
});
