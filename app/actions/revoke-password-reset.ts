"use server";
import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/auth/authed-action";
import { revokePasswordResetSchema } from "@/lib/members/schemas";
import { revokePasswordReset as run } from "@/lib/password-resets/revoke-password-reset";

export const revokePasswordReset = authedAction({ schema: revokePasswordResetSchema, permission: "member:manage" }, async (input, member) => {
  await run(member, input);
  revalidatePath("/members");
  return null;
});
