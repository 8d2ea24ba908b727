"use server";
// Owners: the organization's single sign-on provider and rules. Step-up first
// (lib/account/step-up.ts); every change audited (lib/sso/settings.ts).
import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/auth/authed-action";
import { requireStepUp } from "@/lib/account/step-up";
import { ssoSettingsSchema } from "@/lib/sso/schemas";
import { saveSsoSettings as save } from "@/lib/sso/settings";

export const saveSsoSettings = authedAction({ schema: ssoSettingsSchema, permission: "organization:settings" }, async (input, member) => {
  requireStepUp(member);
  const result = await save(member, input);
  revalidatePath("/organization/single-sign-on");
  return result;
});
