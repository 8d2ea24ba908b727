"use server";
// Rename a client, describe it, change its scopes.
import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/auth/authed-action";
import { updateApiClientSchema } from "@/lib/api-clients/schemas";
import { updateClient } from "@/lib/api-clients/update-client";

export const updateApiClient = authedAction(
  { schema: updateApiClientSchema, permission: "client:edit" },
  async (input, member) => {
    const result = await updateClient(member, input);
    // The API tab and the client's own page below it.
    revalidatePath(`/clusters/${input.clusterId}/api`, "layout");
    return result;
  },
);
