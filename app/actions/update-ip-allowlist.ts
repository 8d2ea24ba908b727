"use server";
// A cluster's IP allowlist (owners and admins), and a client's narrower one
// (whoever may edit clients), from the console's editors: one entry a line.
import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/auth/authed-action";
import { clusterIpAllowlistFormSchema, clientIpAllowlistFormSchema } from "@/lib/ip-allowlists/ip-allowlist-form";
import { updateClientIpAllowlist as updateClient, updateClusterIpAllowlist as updateCluster } from "@/lib/ip-allowlists/update-ip-allowlist";

export const updateClusterIpAllowlist = authedAction(
  { schema: clusterIpAllowlistFormSchema, permission: "cluster:edit" },
  async (input, member) => {
    const r = await updateCluster(member, { clusterId: input.clusterId, entries: input.entries });
    revalidatePath(`/clusters/${input.clusterId}`);
    return { changed: r.changed, count: r.entries.length };
  },
);

export const updateClientIpAllowlist = authedAction(
  { schema: clientIpAllowlistFormSchema, permission: "client:edit" },
  async (input, member) => {
    const r = await updateClient(member, { clusterId: input.clusterId, clientId: input.clientId, entries: input.entries });
    revalidatePath(`/clusters/${input.clusterId}/api/${input.clientId}`);
    return { changed: r.changed, count: r.entries.length };
  },
);
