import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { config } from "@/lib/config";
import { hasAnyUser } from "@/lib/setup/create-first-owner";
import { currentMember } from "@/lib/auth/session";
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
      <SignInForm callbackUrl={safeCallback(callbackUrl)} />
    </>
  );
}

/** Only same-site paths; never an absolute URL to elsewhere. */
function safeCallback(url: string | undefined): string {
  if (!url) return "/clusters";
  try {
    const parsed = new URL(url, "http://x");
    if (parsed.origin !== "http://x" && parsed.host !== new URL(config().PUBLIC_URL).host) return "/clusters";
    const path = parsed.pathname + parsed.search;
    return path.startsWith("/") && !path.startsWith("//") && !path.startsWith("/signin") ? path : "/clusters";
  } catch {
    return "/clusters";
  }
}
