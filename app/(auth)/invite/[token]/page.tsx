// /invite/<token>: accept an invitation. Public (the token is the
// credential); works without JavaScript. The page shows the same two forms
// whether or not the invited email has an account, so opening the link
// reveals nothing about accounts; an unusable link gets a clear page, not an error.
import type { Metadata } from "next";
import Link from "next/link";
import { currentMember } from "@/lib/auth/session";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { describeInvitation } from "@/lib/invitations/accept-invitation";
import { acceptInvitation } from "@/app/actions/accept-invitation";
import { acceptInvitationWithNewAccount } from "@/app/actions/accept-invitation-with-new-account";
import { acceptInvitationWithPassword } from "@/app/actions/accept-invitation-with-password";
import { ExistingAccountForm, JoinForm, NewAccountForm } from "@/components/auth/invitation-forms";
import { formatDateTime } from "@/components/ui/format";
import { pathToken } from "@/lib/one-time-links/links";

// The token must not leave for another site in a Referer header (same-origin,
// not no-referrer: that makes the form posts carry Origin: null, which the
// proxy refuses as cross-site), nor the page be indexed.
export const metadata: Metadata = { title: "Invitation", referrer: "same-origin", robots: { index: false } };

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const raw = pathToken((await params).token);
  const invitation = await describeInvitation(raw);
  if (invitation.state !== "open") {
    return (
      <>
        <h1 className="text-xl font-semibold text-slate-900">This invitation cannot be used</h1>
        <p className="mt-2 text-sm text-slate-700" role="alert">{invitation.message}</p>
        <p className="mt-6 text-sm">
          <Link href="/signin" className="font-medium text-brand-700 underline underline-offset-2">Go to sign-in</Link>
        </p>
      </>
    );
  }
  const member = await currentMember();
  return (
    <>
      <h1 className="text-xl font-semibold text-slate-900 [overflow-wrap:anywhere]">Join {invitation.organizationName}</h1>
      <p className="mt-1 text-sm text-slate-600 [overflow-wrap:anywhere]">
        You are invited as {ROLE_LABELS[invitation.role]}, with the email <strong className="font-medium text-slate-800">{invitation.email}</strong>.
        The invitation works until {formatDateTime(invitation.expiresAt)}.
      </p>
      <div className="mt-6 space-y-8">
        {member && member.email === invitation.email ? (
          <JoinForm token={raw} organizationName={invitation.organizationName} action={acceptInvitation} />
        ) : member ? (
          <p role="alert" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-amber-200 [overflow-wrap:anywhere]">
            You are signed in as {member.email}, but this invitation is for {invitation.email}. Sign out (user menu), then
            open this link again.
          </p>
        ) : (
          <>
            <NewAccountForm token={raw} action={acceptInvitationWithNewAccount} />
            <div className="border-t border-slate-200 pt-6">
              <ExistingAccountForm token={raw} email={invitation.email} action={acceptInvitationWithPassword} />
            </div>
          </>
        )}
      </div>
    </>
  );
}
