"use server";
// /reset/<token>: set the new password, end every other session, and sign
// this browser in (cookie and redirect, so it works without JavaScript).
import { redirect } from "next/navigation";
import { clustersWithNotice } from "@/app/flash-messages";
import { action } from "@/lib/auth/authed-action";
import { resetPasswordSchema } from "@/lib/members/schemas";
import { resetPassword as run } from "@/lib/password-resets/reset-password";
import { writeSessionCookie } from "@/lib/auth/session-cookie";
import { chooseOrganization } from "@/lib/auth/organization-choice";

export const resetPassword = action({ schema: resetPasswordSchema }, async (input): Promise<never> => {
  const done = await run(input);
  await writeSessionCookie(done.user);
  await chooseOrganization(done.organizationId);
  redirect(clustersWithNotice("password-set"));
});
