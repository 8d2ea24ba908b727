"use server";
// Delete a revoked client's row for good; its audit events stay.
import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/auth/authed-action";
import { deleteApiClientSchema } from "@/lib/api-clients/schemas";
import { deleteClient } from "@/lib/api-clients/delete-client";

export const deleteApiClient = authedAction(
  { schema: deleteApiClientSchema, permission: "client:delete" },
  async (input, member) => {
    const result = await deleteClient(member, input);
    // The API tab and the client's own page below it.
    revalidatePath(`/clusters/${input.clusterId}/api`, "layout");
    return result;
  },
);
