"use server";
// /invite/<token>, no account yet: create one with the invitation's email,
// join, and be signed in (cookie and redirect, so it works without JavaScript).
import { redirect } from "next/navigation";
import { clustersWithNotice } from "@/app/flash-messages";
import { action } from "@/lib/auth/authed-action";
import { acceptInvitationWithNewAccountSchema } from "@/lib/members/schemas";
import { acceptWithNewAccount } from "@/lib/invitations/accept-invitation";
import { writeSessionCookie } from "@/lib/auth/session-cookie";
import { chooseOrganization } from "@/lib/auth/organization-choice";

export const acceptInvitationWithNewAccount = action({ schema: acceptInvitationWithNewAccountSchema }, async (input): Promise<never> => {
  const joined = await acceptWithNewAccount(input);
  await writeSessionCookie(joined.user);
  await chooseOrganization(joined.organizationId);
  redirect(clustersWithNotice("welcome"));
});
