"use server";
// First-run set-up: creates the first owner and organization. Open to
// anonymous visitors only while no account exists (checked in the domain).
import { z } from "zod";
import { setupSchema } from "@/lib/members/schemas";
import { createFirstOwner } from "@/lib/setup/create-first-owner";
import { formToObject, type ActionInput, type ActionResult } from "@/lib/auth/authed-action";
import { AppError } from "@/lib/errors";

export async function setUpConsole(_prev: unknown, raw: ActionInput): Promise<ActionResult<{ email: string }>> {
  const parsed = setupSchema.safeParse(formToObject(raw));
  if (!parsed.success) {
    return {
      ok: false,
      code: "invalid_input",
      error: "Please correct the highlighted fields.",
      fieldErrors: z.flattenError(parsed.error).fieldErrors,
    };
  }
  try {
    await createFirstOwner(parsed.data);
    return { ok: true, data: { email: parsed.data.email } };
  } catch (err) {
    if (err instanceof AppError) return { ok: false, code: err.code, error: err.message };
    throw err;
  }
}
