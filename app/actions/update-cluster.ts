"use server";
// Rename a cluster and describe it.
import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/auth/authed-action";
import { updateClusterSchema } from "@/lib/clusters/schemas";
import { updateCluster as update } from "@/lib/clusters/update-cluster";

export const updateCluster = authedAction(
  { schema: updateClusterSchema, permission: "cluster:edit" },
  async (input, member) => {
    const result = await update(member, input);
    // The name shows in the layout, the list, the Activity filter and the top bar.
    revalidatePath("/", "layout");
    return result;
  },
);
