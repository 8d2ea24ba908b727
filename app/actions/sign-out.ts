"use server";
// POST from the top bar's no-JavaScript sign-out form (components/console/top-bar.tsx).
// Next's server-action origin check keeps other sites from posting it.
import { redirect } from "next/navigation";
import { signOutHere } from "@/lib/auth/sign-out";

export async function signOut(): Promise<void> {
  await signOutHere();
  redirect("/signin");
}
