"use server";
// The organization switcher: remember the choice (lib/auth/organization-choice.ts)
// only for an organization the signed-in user belongs to, then start at its clusters
// (or at its identity provider first, when this session may not enter it yet).
import { redirect } from "next/navigation";
import { clustersWithNotice } from "@/app/flash-messages";
import { authedAction } from "@/lib/auth/authed-action";
import { notFound } from "@/lib/errors";
import { switchOrganizationSchema } from "@/lib/members/schemas";
import { memberOrganizations, sessionClaims, sessionMayEnter } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { hasSsoProvider } from "@/lib/sso/settings";
import { beginSso } from "@/lib/sso/sign-in-flow";
import { setSsoStateCookie } from "@/lib/sso/state-cookie";
import { SSO_FAILURES, SsoFailure } from "@/lib/sso/failures";
import { chooseOrganization } from "@/lib/auth/organization-choice";

export const switchOrganization = authedAction({ schema: switchOrganizationSchema }, async (input, member): Promise<never> => {
  const organizations = await memberOrganizations(member.userId);
  const target = organizations.find((o) => o.id === input.organizationId);
  if (!target) throw notFound("Organization");
  await chooseOrganization(target.id);
  // An organization this session may not enter yet (it signs in through its
  // own provider): off to that provider, and back here signed in to it too.
  const claims = await sessionClaims();
  if (claims && !(await sessionMayEnter(claims, target.id)) && (await hasSsoProvider(target.id))) {
    let url: string;
    try {
      const started = await beginSso({ organizationId: target.id, purpose: "sign-in", returnTo: "/clusters", loginHint: member.email });
      await setSsoStateCookie(started.state);
      url = started.url;
    } catch (err) {
      if (err instanceof SsoFailure) throw new AppError("conflict", SSO_FAILURES[err.code]);
      throw err;
    }
    redirect(url);
  }
  redirect(clustersWithNotice("switched"));
});
