"use server";
// A cluster's connector secrets: create, replace the value, delete. The
// result never carries the value.
import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/auth/authed-action";
import { createConnectorSecretSchema, deleteConnectorSecretSchema, updateConnectorSecretSchema } from "@/lib/connector-secrets/schemas";
import { createConnectorSecret as create, deleteConnectorSecret as remove, updateConnectorSecret as update } from "@/lib/connector-secrets/connector-secrets";

export const createConnectorSecret = authedAction(
  { schema: createConnectorSecretSchema, permission: "connector_secret:manage" },
  async (input, member) => {
    const s = await create(member, input);
    revalidatePath(`/clusters/${input.clusterId}/secrets`);
    return { name: s.name };
  },
);

export const updateConnectorSecret = authedAction(
  { schema: updateConnectorSecretSchema, permission: "connector_secret:manage" },
  async (input, member) => {
    const s = await update(member, input);
    revalidatePath(`/clusters/${input.clusterId}/secrets`);
    return { name: s.name };
  },
);

export const deleteConnectorSecret = authedAction(
  { schema: deleteConnectorSecretSchema, permission: "connector_secret:manage" },
  async (input, member) => {
    await remove(member, input);
    revalidatePath(`/clusters/${input.clusterId}/secrets`);
    return { name: input.name };
  },
);
