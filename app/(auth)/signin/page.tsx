import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { safeCallback } from "@/lib/auth/callback-url";
import { hasAnyUser } from "@/lib/setup/create-first-owner";
import { currentMember } from "@/lib/auth/session";
import { signInWithPassword } from "@/app/actions/sign-in-with-password";
import { SignInForm } from "@/components/auth/sign-in-form";

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
    </>
  );
}
