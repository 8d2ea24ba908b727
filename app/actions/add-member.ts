"use server";
import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/auth/authed-action";
import { addMemberSchema } from "@/lib/members/schemas";
import { addMember as run } from "@/lib/members/add-member";

export const addMember = authedAction({ schema: addMemberSchema, permission: "member:manage" }, async (input, member) => {
  const result = await run(member, input);
  revalidatePath("/members");
  return result ?? null;
});
