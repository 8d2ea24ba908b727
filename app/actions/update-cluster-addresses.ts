"use server";
import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/auth/authed-action";
import { updateClusterAddressesSchema } from "@/lib/clusters/schemas";
import { updateClusterAddresses as update } from "@/lib/clusters/update-cluster-addresses";

export const updateClusterAddresses = authedAction(
  { schema: updateClusterAddressesSchema, permission: "cluster:edit" },
  async (input, member) => {
    const result = await update(member, input);
    revalidatePath(`/clusters/${result.id}`, "layout");
    return result;
  },
);
