// /reset/<token>: choose a new password with a reset link from an owner or
// admin. Public (the token is the credential); works without JavaScript; an
// unusable link gets a clear page, not an error.
import type { Metadata } from "next";
import Link from "next/link";
import { describePasswordReset } from "@/lib/password-resets/reset-password";
import { resetPassword } from "@/app/actions/reset-password";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";
import { formatDateTime } from "@/components/ui/format";
import { pathToken } from "@/lib/one-time-links/links";

// The token must not leave for another site in a Referer header (same-origin,
// not no-referrer: that makes the form posts carry Origin: null, which the
// proxy refuses as cross-site), nor the page be indexed.
export const metadata: Metadata = { title: "Reset password", referrer: "same-origin", robots: { index: false } };

export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const token = pathToken((await params).token);
  const reset = await describePasswordReset(token);
  if (reset.state !== "open") {
    return (
      <>
        <h1 className="text-xl font-semibold text-slate-900">This reset link cannot be used</h1>
        <p className="mt-2 text-sm text-slate-700" role="alert">{reset.message}</p>
        <p className="mt-6 text-sm">
          <Link href="/signin" className="font-medium text-brand-700 underline underline-offset-2">Go to sign-in</Link>
        </p>
      </>
    );
  }
  return (
    <>
      <h1 className="text-xl font-semibold text-slate-900">Choose a new password</h1>
      <p className="mt-1 text-sm text-slate-600 [overflow-wrap:anywhere]">
        For <strong className="font-medium text-slate-800">{reset.email}</strong>. This link works once, until{" "}
        {formatDateTime(reset.expiresAt)}. Setting a password signs you out on every other device.
      </p>
      <ResetPasswordForm token={token} email={reset.email} action={resetPassword} />
    </>
  );
}
