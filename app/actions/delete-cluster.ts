"use server";
import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/auth/authed-action";
import { deleteClusterSchema } from "@/lib/clusters/schemas";
import { deleteCluster as remove } from "@/lib/clusters/delete-cluster";

export const deleteCluster = authedAction(
  { schema: deleteClusterSchema, permission: "cluster:delete" },
  async (input, member) => {
    const result = await remove(member, input);
    revalidatePath("/clusters");
    return result;
  },
);
