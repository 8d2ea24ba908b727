"use server";
// First-run set-up: creates the first owner and organization. Open to
// anonymous visitors only while no account exists (checked in the domain).
import { setupSchema } from "@/lib/members/schemas";
import { createFirstOwner } from "@/lib/setup/create-first-owner";
import { action } from "@/lib/auth/authed-action";

export const setUpConsole = action({ schema: setupSchema }, async (input) => {
  await createFirstOwner(input);
  return { email: input.email };
});
