"use server";
// Owners: the organization's maximum age for new client secrets.
import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/auth/authed-action";
import { setMaxSecretAgeSchema } from "@/lib/api-clients/schemas";
import { setMaxSecretAge as setMaxSecretAgeInDb } from "@/lib/organizations/set-max-secret-age";

export const setMaxSecretAge = authedAction({ schema: setMaxSecretAgeSchema, permission: "organization:settings" }, async (input, member) => {
  const result = await setMaxSecretAgeInDb(member, input);
  revalidatePath("/organization/secrets");
  return result;
});
