"use server";
import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/auth/authed-action";
import { revokeApiClientSchema } from "@/lib/api-clients/schemas";
import { revokeClient } from "@/lib/api-clients/revoke-client";

export const revokeApiClient = authedAction(
  { schema: revokeApiClientSchema, permission: "client:manage" },
  async (input, member) => {
    const result = await revokeClient(member, input);
    // The API tab and the client's own page below it.
    revalidatePath(`/clusters/${input.clusterId}/api`, "layout");
    return result;
  },
);
