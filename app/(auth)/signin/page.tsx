import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { safeCallback } from "@/lib/auth/callback-url";
import { hasAnyUser } from "@/lib/setup/create-first-owner";
import { currentMember } from "@/lib/auth/session";
import { signInWithPassword } from "@/app/actions/sign-in-with-password";
import { SignInForm } from "@/components/auth/sign-in-form";
import Link from "next/link";
import { buttonClass } from "@/components/ui/button";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; error?: string }> }) {
  if (!(await hasAnyUser())) redirect("/setup");
  if (await currentMember()) redirect("/clusters");
  const { callbackUrl } = await searchParams;
  return (
    <>
      <h1 className="text-xl font-semibold text-slate-900">Sign in</h1>
      <p className="mt-1 text-sm text-slate-600">Manage your clusters and their API clients.</p>
      <SignInForm callbackUrl={safeCallback(callbackUrl)} action={signInWithPassword} />
      <ForgotPassword />
      <div className="my-6 flex items-center gap-3 text-xs text-slate-500" aria-hidden>
        <span className="h-px flex-1 bg-slate-200" />
        or
        <span className="h-px flex-1 bg-slate-200" />
      </div>
      <Link href={`/signin/sso?callbackUrl=${encodeURIComponent(safeCallback(callbackUrl))}`} className={`${buttonClass("secondary")} w-full`}>
        Continue with single sign-on
      </Link>
    </>
  );
}

/** The way back, in plain words (a <details>, so it opens without JavaScript too). */
function ForgotPassword() {
  return (
    <details className="mt-4 text-sm text-slate-600">
      <summary className="cursor-pointer font-medium text-slate-700 hover:text-slate-900">Forgot your password?</summary>
      <div className="mt-2 space-y-2">
        <p>
          Ask an owner or admin of your organization for a password-reset link: they make one on the Members page. Only an owner
          can make one for another owner.
        </p>
        <p>
          The only owner? Whoever runs this console&rsquo;s server can set a new password with{" "}
          <code className="rounded bg-slate-100 px-1 py-0.5 font-mono text-xs break-all">npm run account:recover -- you@example.com</code>
          .
        </p>
      </div>
    </details>
  );
}
