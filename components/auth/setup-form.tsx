"use client";
// Posts to the set-up server action, with or without JavaScript; the action
// signs the new owner in and redirects, so no password is ever in a URL.
import { Button } from "@/components/ui/button";
import { Field, FormError, inputClass } from "@/components/ui/field";
import { type FormAction, useFormAction } from "@/components/ui/use-form-action";
import type { ActionResult } from "@/lib/auth/authed-action";
import { CountedInput } from "@/components/ui/counted-input";
import { ORGANIZATION_NAME_MAX } from "@/lib/members/schemas";

export function SetupForm({ action }: { action: FormAction<ActionResult<unknown>> }) {
  const [state, onSubmit, pending, formAction] = useFormAction(action);
  const fe = state && !state.ok ? state.fieldErrors : undefined;

  return (
    <form action={formAction} onSubmit={onSubmit} className="mt-6 space-y-4" noValidate>
      {state && !state.ok && !fe && <FormError message={state.error} />}
      <Field label="Organization name" errors={fe?.organizationName}>
        {(p) => <CountedInput {...p} max={ORGANIZATION_NAME_MAX} name="organizationName" required placeholder="Acme Inc." />}
      </Field>
      <Field label="Your name" errors={fe?.name}>
        {(p) => <input {...p} name="name" autoComplete="name" required className={inputClass} />}
      </Field>
      <Field label="Email" errors={fe?.email}>
        {(p) => <input {...p} name="email" type="email" autoComplete="username" required className={inputClass} />}
      </Field>
      <Field label="Password" hint="At least 12 characters." errors={fe?.password}>
        {(p) => (
          <input {...p} name="password" type="password" autoComplete="new-password" required className={inputClass} />
        )}
      </Field>
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Setting up…" : "Create owner account"}
      </Button>
    </form>
  );
}
