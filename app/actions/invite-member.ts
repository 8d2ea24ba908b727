"use server";
// Members page: invite someone by email; answers with the link, shown once.
import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/auth/authed-action";
import { inviteMemberSchema } from "@/lib/members/schemas";
import { createInvitation } from "@/lib/invitations/create-invitation";

export const inviteMember = authedAction({ schema: inviteMemberSchema, permission: "member:manage" }, async (input, member) => {
  const invitation = await createInvitation(member, input);
  revalidatePath("/members");
  return invitation;
});
