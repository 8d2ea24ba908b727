"use server";
// /invite/<token>, signed in with the invited email's account: join, and
// switch to the organization just joined.
import { redirect } from "next/navigation";
import { clustersWithNotice } from "@/app/flash-messages";
import { authedAction } from "@/lib/auth/authed-action";
import { acceptInvitationSchema } from "@/lib/members/schemas";
import { acceptAsUser } from "@/lib/invitations/accept-invitation";
import { chooseOrganization } from "@/lib/auth/organization-choice";

export const acceptInvitation = authedAction({ schema: acceptInvitationSchema }, async (input, member): Promise<never> => {
  const joined = await acceptAsUser(member.userId, input.token);
  await chooseOrganization(joined.organizationId);
  redirect(clustersWithNotice("joined"));
});
