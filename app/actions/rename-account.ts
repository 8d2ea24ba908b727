"use server";
// The account page's name form: the signed-in user's own display name.
import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/auth/authed-action";
import { renameAccountSchema } from "@/lib/account/schemas";
import { renameAccount as renameAccountInDb } from "@/lib/account/rename-account";

export const renameAccount = authedAction({ schema: renameAccountSchema, permission: "account:edit" }, async (input, member) => {
  const result = await renameAccountInDb(member, input);
  // The name shows in the header and the member list of every page.
  if (result.changed) revalidatePath("/", "layout");
  return result;
});
