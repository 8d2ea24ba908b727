"use server";
import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/auth/authed-action";
import { createClusterSchema } from "@/lib/clusters/schemas";
import { createCluster as create } from "@/lib/clusters/create-cluster";

export const createCluster = authedAction(
  { schema: createClusterSchema, permission: "cluster:create" },
  async (input, member) => {
    const cluster = await create(member, input);
    revalidatePath("/clusters");
    return cluster;
  },
);
