"use server";
// Administration API credentials: the plaintext secret appears only in this response.
// A person in step-up only (lib/account/step-up.ts).
import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/auth/authed-action";
import { requireStepUp } from "@/lib/account/step-up";
import { createAdminClientSchema } from "@/lib/api-clients/schemas";
import { createAdminClient as create } from "@/lib/api-clients/create-admin-client";

export const createAdminClient = authedAction(
  { schema: createAdminClientSchema, permission: "admin_client:manage" },
  async (input, member) => {
    requireStepUp(member);
    const credentials = await create(member, input);
    revalidatePath("/organization/administration-api");
    return credentials;
  },
);
