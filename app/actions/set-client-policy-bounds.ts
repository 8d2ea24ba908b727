"use server";
// Owners: bounds on clients' own token lifetimes and rate limits.
import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/auth/authed-action";
import { setClientPolicyBoundsSchema } from "@/lib/api-clients/schemas";
import { setClientPolicyBounds as setInDb } from "@/lib/organizations/client-policy";

export const setClientPolicyBounds = authedAction({ schema: setClientPolicyBoundsSchema, permission: "organization:settings" }, async (input, member) => {
  const result = await setInDb(member, input);
  revalidatePath("/organization/secrets");
  return result;
});
