"use server";
import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/auth/authed-action";
import { revokeInvitationSchema } from "@/lib/members/schemas";
import { revokeInvitation as run } from "@/lib/invitations/revoke-invitation";

export const revokeInvitation = authedAction({ schema: revokeInvitationSchema, permission: "member:manage" }, async (input, member) => {
  await run(member, input);
  revalidatePath("/members");
  return null;
});
