"use server";
// Members page: invite someone by email; answers with the link, shown once.
import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/auth/authed-action";
import { requireStepUp } from "@/lib/account/step-up";
import { inviteMemberSchema } from "@/lib/members/schemas";
import { createInvitation } from "@/lib/invitations/create-invitation";

export const inviteMember = authedAction({ schema: inviteMemberSchema, permission: "member:manage" }, async (input, member) => {
  // Inviting an owner makes one, as a role change does: step-up first (lib/account/step-up.ts).
  if (input.role === "OWNER") requireStepUp(member);
  const invitation = await createInvitation(member, input);
  revalidatePath("/members");
  return invitation;
});
