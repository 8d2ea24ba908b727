"use server";
// /invite/<token>, with an existing account: its password on the invitation
// page, checked exactly like the sign-in form (lib/auth/sign-in.ts, with its
// per-account and per-address limits), then join and be signed in.
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { clustersWithNotice } from "@/app/flash-messages";
import { action } from "@/lib/auth/authed-action";
import { AppError } from "@/lib/errors";
import { CLIENT_ADDRESS_HEADER } from "@/lib/auth/auth-options";
import { SIGN_IN_MESSAGES, SignInRefused, checkSignIn } from "@/lib/auth/sign-in";
import { acceptInvitationWithPasswordSchema } from "@/lib/members/schemas";
import { acceptAsUser, describeInvitation } from "@/lib/invitations/accept-invitation";
import { writeSessionCookie } from "@/lib/auth/session-cookie";
import { chooseOrganization } from "@/lib/auth/organization-choice";

export const acceptInvitationWithPassword = action({ schema: acceptInvitationWithPasswordSchema }, async (input): Promise<never> => {
  const invitation = await describeInvitation(input.token);
  if (invitation.state !== "open") throw new AppError("conflict", invitation.message);
  const address = (await headers()).get(CLIENT_ADDRESS_HEADER);
  let userId: string;
  try {
    userId = (await checkSignIn({ email: invitation.email, password: input.password }, address)).id;
  } catch (err) {
    if (!(err instanceof SignInRefused)) throw err;
    const message = SIGN_IN_MESSAGES[err.reason];
    throw new AppError("unauthenticated", message, { password: [message] });
  }
  const joined = await acceptAsUser(userId, input.token);
  await writeSessionCookie(joined.user);
  await chooseOrganization(joined.organizationId);
  redirect(clustersWithNotice("joined"));
});
