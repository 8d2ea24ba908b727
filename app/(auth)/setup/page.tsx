import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { hasAnyUser } from "@/lib/setup/create-first-owner";
import { setUpConsole } from "@/app/actions/set-up-console";
import { SetupForm } from "@/components/auth/setup-form";

export const metadata: Metadata = { title: "Set up" };

export default async function SetupPage() {
  if (await hasAnyUser()) redirect("/signin");
  return (
    <>
      <h1 className="text-xl font-semibold text-slate-900">Welcome</h1>
      <p className="mt-1 text-sm text-slate-600">
        Create the first account. It becomes the owner of your organization and can invite everyone else.
      </p>
      <SetupForm action={setUpConsole} />
    </>
  );
}
