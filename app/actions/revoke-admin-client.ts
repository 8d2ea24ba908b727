"use server";
import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/auth/authed-action";
import { revokeAdminClientSchema } from "@/lib/api-clients/schemas";
import { revokeClient } from "@/lib/api-clients/revoke-client";

export const revokeAdminClient = authedAction(
  { schema: revokeAdminClientSchema, permission: "admin_client:manage" },
  async (input, member) => {
    const result = await revokeClient(member, { clusterId: null, clientId: input.clientId });
    revalidatePath("/organization/administration-api");
    return result;
  },
);
