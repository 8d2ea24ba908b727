"use server";
import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/auth/authed-action";
import { removeMemberSchema } from "@/lib/members/schemas";
import { removeMember as run } from "@/lib/members/remove-member";

export const removeMember = authedAction({ schema: removeMemberSchema, permission: "member:manage" }, async (input, member) => {
  const result = await run(member, input);
  revalidatePath("/members");
  return result ?? null;
});
