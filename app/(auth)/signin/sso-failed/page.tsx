// Where a single sign-on that did not work ends: what happened, in plain
// words, and the way back. Only a code travels in the URL; an unknown one
// gets the general sentence.
import type { Metadata } from "next";
import Link from "next/link";
import { SSO_FAILURES, isSsoFailureCode } from "@/lib/sso/failures";
import { buttonClass } from "@/components/ui/button";

export const metadata: Metadata = { title: "Single sign-on did not work" };

export default async function SsoFailedPage({ searchParams }: { searchParams: Promise<{ reason?: string }> }) {
  const { reason } = await searchParams;
  const message = isSsoFailureCode(reason) ? SSO_FAILURES[reason] : SSO_FAILURES.server_error;
  return (
    <>
      <h1 className="text-xl font-semibold text-slate-900">Single sign-on did not work</h1>
      <p className="mt-3 text-sm text-slate-700" role="alert">{message}</p>
      <Link href="/signin" className={`${buttonClass("primary")} mt-6 w-full`}>Back to sign-in</Link>
    </>
  );
}
