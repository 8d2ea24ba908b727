"use server";
// The organization switcher: remember the choice (lib/auth/organization-choice.ts)
// only for an organization the signed-in user belongs to, then start at its clusters.
import { redirect } from "next/navigation";
import { clustersWithNotice } from "@/app/flash-messages";
import { authedAction } from "@/lib/auth/authed-action";
import { notFound } from "@/lib/errors";
import { switchOrganizationSchema } from "@/lib/members/schemas";
import { memberOrganizations } from "@/lib/auth/session";
import { chooseOrganization } from "@/lib/auth/organization-choice";

export const switchOrganization = authedAction({ schema: switchOrganizationSchema }, async (input, member): Promise<never> => {
  const organizations = await memberOrganizations(member.userId);
  const target = organizations.find((o) => o.id === input.organizationId);
  if (!target) throw notFound("Organization");
  await chooseOrganization(target.id);
  redirect(clustersWithNotice("switched"));
});
