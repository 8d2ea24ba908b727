"use server";
// The previous secret of a rotation stops working now; no new secret is issued.
import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/auth/authed-action";
import { endAdminClientGracePeriodSchema } from "@/lib/api-clients/schemas";
import { endGracePeriod } from "@/lib/api-clients/end-grace-period";

export const endAdminClientGracePeriod = authedAction(
  { schema: endAdminClientGracePeriodSchema, permission: "admin_client:manage" },
  async (input, member) => {
    // clusterId null: the organization-level client of that ID, never a cluster's.
    const result = await endGracePeriod(member, { clusterId: null, clientId: input.clientId });
    revalidatePath("/organization/administration-api");
    return result;
  },
);
