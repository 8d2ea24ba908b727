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
import { SignInRefused, checkSignIn, signInMessage } from "@/lib/auth/sign-in";
import { REQUEST_KEY_HEADER, requestSignal } from "@/lib/http/request-abort";
import { acceptInvitationWithPasswordSchema } from "@/lib/members/schemas";
import { acceptAsUser, describeInvitation } from "@/lib/invitations/accept-invitation";
import { writeSessionCookie } from "@/lib/auth/session-cookie";
import { chooseOrganization } from "@/lib/auth/organization-choice";

export const acceptInvitationWithPassword = action({ schema: acceptInvitationWithPasswordSchema }, async (input): Promise<never> => {
  const invitation = await describeInvitation(input.token);
  if (invitation.state !== "open") throw new AppError("conflict", invitation.message);
  const head = await headers();
  let userId: string;
  try {
    const signal = requestSignal(head.get(REQUEST_KEY_HEADER));
    userId = (await checkSignIn({ email: invitation.email, password: input.password }, head.get(CLIENT_ADDRESS_HEADER), signal)).id;
  } catch (err) {
    if (!(err instanceof SignInRefused)) throw err;
    const message = signInMessage(err);
    throw new AppError("unauthenticated", message, { password: [message] });
  }
  const joined = await acceptAsUser(userId, input.token);
  await writeSessionCookie(joined.user);
  await chooseOrganization(joined.organizationId);
  redirect(clustersWithNotice("joined"));
});
