"use server";
// First-run set-up: creates the first owner and organization. Open to
// anonymous visitors only while no account exists (checked in the domain).
import { redirect } from "next/navigation";
import { setupSchema } from "@/lib/members/schemas";
import { createFirstOwner } from "@/lib/setup/create-first-owner";
import { action } from "@/lib/auth/authed-action";
import { writeSessionCookie } from "@/lib/auth/session-cookie";

export const setUpConsole = action({ schema: setupSchema }, async (input): Promise<never> => {
  const owner = await createFirstOwner(input);
  // Signed in at once, by cookie and redirect, so the form works without
  // JavaScript too (the password is never sent anywhere a second time).
  await writeSessionCookie({ id: owner.userId, email: input.email, name: input.name, sessionVersion: owner.sessionVersion });
  redirect("/clusters");
});
