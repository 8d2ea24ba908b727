"use server";
// Like creation, the new plaintext secret appears only in this response.
import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/auth/authed-action";
import { rotateApiClientSecretSchema } from "@/lib/api-clients/schemas";
import { rotateClientSecret } from "@/lib/api-clients/rotate-client-secret";

export const rotateApiClientSecret = authedAction(
  { schema: rotateApiClientSecretSchema, permission: "client:manage" },
  async (input, member) => {
    const credentials = await rotateClientSecret(member, input);
    // The API tab and the client's own page below it.
    revalidatePath(`/clusters/${input.clusterId}/api`, "layout");
    return credentials;
  },
);
