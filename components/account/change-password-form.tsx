"use client";
// Current password, new password, confirmation. Posts to a server action with
// or without JavaScript (see use-form-action.ts): a password never goes into
// a URL. On success the fields are emptied and every other session has ended.
import { useEffect, useRef } from "react";
import { Button } from "@/components/ui/button";
import { Field, FormError, inputClass } from "@/components/ui/field";
import { type FormAction, useFormAction, useResultToast } from "@/components/ui/use-form-action";
import type { ActionResult } from "@/lib/auth/authed-action";

export function ChangePasswordForm({ email, action }: { email: string; action: FormAction<ActionResult<unknown>> }) {
  const [state, onSubmit, pending, formAction] = useFormAction(action);
  const form = useRef<HTMLFormElement>(null);
  const fe = state && !state.ok ? state.fieldErrors : undefined;
  useResultToast(state, {
    success: () => "Password changed. Your other sessions were signed out.",
    failure: "The password was not changed",
  });
  useEffect(() => {
    if (state?.ok) form.current?.reset();
  }, [state]);

  return (
    <form ref={form} action={formAction} onSubmit={onSubmit} className="space-y-4" noValidate>
      {/* For password managers: which account this password belongs to. */}
      <input type="text" name="username" autoComplete="username" value={email} readOnly hidden />
      {state && !state.ok && !fe && <FormError message={state.error} />}
      <Field label="Current password" errors={fe?.currentPassword}>
        {(p) => <input {...p} name="currentPassword" type="password" autoComplete="current-password" required className={inputClass} />}
      </Field>
      <Field label="New password" hint="At least 12 characters." errors={fe?.newPassword}>
        {(p) => <input {...p} name="newPassword" type="password" autoComplete="new-password" required className={inputClass} />}
      </Field>
      <Field label="Confirm new password" errors={fe?.confirmPassword}>
        {(p) => <input {...p} name="confirmPassword" type="password" autoComplete="new-password" required className={inputClass} />}
      </Field>
      <div className="flex flex-wrap items-center gap-3 pt-1">
        <Button type="submit" disabled={pending}>
          {pending ? "Changing password…" : "Change password"}
        </Button>
        <p aria-live="polite" className="text-sm text-emerald-700">
          {state?.ok ? "Password changed. Your other sessions were signed out." : ""}
        </p>
      </div>
    </form>
  );
}
