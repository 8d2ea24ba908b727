"use server";
// The result carries the plaintext secret; this response is the only place it
// ever appears. Nothing here logs the input or the result.
import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/auth/authed-action";
import { createApiClientSchema } from "@/lib/api-clients/schemas";
import { createClient } from "@/lib/api-clients/create-client";

export const createApiClient = authedAction(
  { schema: createApiClientSchema, permission: "client:manage" },
  async (input, member) => {
    const credentials = await createClient(member, input);
    revalidatePath(`/clusters/${input.clusterId}/api`);
    return credentials;
  },
);
