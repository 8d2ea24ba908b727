"use server";
// Owners: what a reported leak of a live secret does (revoke it, or keep it working and alert).
import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/auth/authed-action";
import { setLeakPolicySchema } from "@/lib/api-clients/schemas";
import { setLeakPolicy as setInDb } from "@/lib/organizations/client-policy";

export const setLeakPolicy = authedAction({ schema: setLeakPolicySchema, permission: "organization:settings" }, async (input, member) => {
  const result = await setInDb(member, input);
  revalidatePath("/organization/secrets");
  return result;
});
