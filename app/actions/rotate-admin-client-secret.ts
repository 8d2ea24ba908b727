"use server";
// Like creation, the new plaintext secret appears only in this response; step-up first.
import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/auth/authed-action";
import { requireStepUp } from "@/lib/account/step-up";
import { rotateAdminClientSecretSchema } from "@/lib/api-clients/schemas";
import { rotateClientSecret } from "@/lib/api-clients/rotate-client-secret";

export const rotateAdminClientSecret = authedAction(
  { schema: rotateAdminClientSecretSchema, permission: "admin_client:manage" },
  async (input, member) => {
    requireStepUp(member);
    // clusterId null: the organization-level client of that ID, never a cluster's.
    const r = await rotateClientSecret(member, { clusterId: null, clientId: input.clientId, grace: input.grace });
    revalidatePath("/organization/administration-api");
    return {
      clientId: r.clientId,
      clientSecret: r.clientSecret,
      name: r.name,
      permissions: r.adminPermissions,
      previousSecretExpiresAt: r.previousSecretExpiresAt,
      secretExpiresAt: r.secretExpiresAt,
    };
  },
);
