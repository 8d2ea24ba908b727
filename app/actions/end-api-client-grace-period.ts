"use server";
// The previous secret of a rotation stops working now; no new secret is issued.
import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/auth/authed-action";
import { endApiClientGracePeriodSchema } from "@/lib/api-clients/schemas";
import { endGracePeriod } from "@/lib/api-clients/end-grace-period";

export const endApiClientGracePeriod = authedAction(
  { schema: endApiClientGracePeriodSchema, permission: "client:manage" },
  async (input, member) => {
    const result = await endGracePeriod(member, input);
    revalidatePath(`/clusters/${input.clusterId}/api`);
    return result;
  },
);
