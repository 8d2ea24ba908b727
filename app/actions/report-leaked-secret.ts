"use server";
// Any member: report a secret of the organization found somewhere it should not be.
import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/auth/authed-action";
import { reportLeakedSecretSchema } from "@/lib/api-clients/schemas";
import { reportLeakedSecret as reportInDb } from "@/lib/leaks/report-by-member";

export const reportLeakedSecret = authedAction({ schema: reportLeakedSecretSchema, permission: "leak:report" }, async (input, member) => {
  const result = await reportInDb(member, input);
  if (result.live && result.clusterId) revalidatePath(`/clusters/${result.clusterId}/api`, "layout");
  return result;
});
