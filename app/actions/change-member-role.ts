"use server";
import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/auth/authed-action";
import { requireStepUp } from "@/lib/account/step-up";
import { changeRoleSchema } from "@/lib/members/schemas";
import { changeMemberRole as run } from "@/lib/members/change-member-role";

export const changeMemberRole = authedAction({ schema: changeRoleSchema, permission: "member:manage" }, async (input, member) => {
  // Making someone an owner: step-up first (lib/account/step-up.ts).
  if (input.role === "OWNER") requireStepUp(member);
  const result = await run(member, input);
  revalidatePath("/members");
  return result ?? null;
});
