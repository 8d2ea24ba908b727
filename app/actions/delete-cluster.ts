"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { clustersWithNotice } from "@/app/flash-messages";
import { authedAction } from "@/lib/auth/authed-action";
import { deleteClusterSchema } from "@/lib/clusters/schemas";
import { deleteCluster as remove } from "@/lib/clusters/delete-cluster";

export const deleteCluster = authedAction(
  { schema: deleteClusterSchema, permission: "cluster:delete" },
  async (input, member) => {
    await remove(member, input);
    revalidatePath("/clusters");
    // Redirect from the server: re-rendering the deleted cluster's page would be a 404.
    // The list shows a fixed notice for the key (app/flash-messages.ts).
    redirect(clustersWithNotice("cluster-deleted"));
  },
);
