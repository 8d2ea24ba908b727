// "Continue with single sign-on": a work email, then the organization's provider.
import type { Metadata } from "next";
import Link from "next/link";
import { safeCallback } from "@/lib/auth/callback-url";
import { startSingleSignOn } from "@/app/actions/start-single-sign-on";
import { SsoSignInForm } from "@/components/auth/sso-sign-in-form";

export const metadata: Metadata = { title: "Single sign-on" };

export default async function SsoSignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const { callbackUrl } = await searchParams;
  return (
    <>
      <h1 className="text-xl font-semibold text-slate-900">Sign in with single sign-on</h1>
      <p className="mt-1 mb-6 text-sm text-slate-600">Enter your work email: you continue at your organization&rsquo;s identity provider.</p>
      <SsoSignInForm callbackUrl={safeCallback(callbackUrl)} action={startSingleSignOn} />
      <p className="mt-6 text-sm text-slate-600">
        <Link href="/signin" className="font-medium text-brand-700 underline">Sign in with a password instead</Link>
      </p>
    </>
  );
}
