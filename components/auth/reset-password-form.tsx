"use client";
// The form of a password-reset link's page (/reset/<token>): posts to a
// server action with or without JavaScript; the action signs the member in
// and redirects, so the new password never travels in a URL.
import { Button } from "@/components/ui/button";
import { Field, FormError, inputClass } from "@/components/ui/field";
import { type FormAction, useFormAction } from "@/components/ui/use-form-action";
import type { ActionResult } from "@/lib/auth/authed-action";

export function ResetPasswordForm({ token, email, action }: { token: string; email: string; action: FormAction<ActionResult<unknown>> }) {
  const [state, onSubmit, pending, formAction] = useFormAction(action);
  const fe = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form action={formAction} onSubmit={onSubmit} className="mt-6 space-y-4" noValidate>
      {state && !state.ok && !fe?.password && <FormError message={state.error} />}
      <input type="hidden" name="token" value={token} />
      {/* For password managers: whose password this is. */}
      <input type="hidden" name="username" autoComplete="username" value={email} />
      <Field label="New password" hint="At least 12 characters." errors={fe?.password}>
        {(p) => <input {...p} name="password" type="password" autoComplete="new-password" required className={inputClass} />}
      </Field>
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Saving…" : "Set new password and sign in"}
      </Button>
    </form>
  );
}
