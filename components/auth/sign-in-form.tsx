"use client";
// Posts to a server action, with or without JavaScript (then the browser
// submits the server-rendered form as a POST and gets the page back with the
// error, or the redirect): the password never travels in a URL.
import { Button } from "@/components/ui/button";
import { Field, FormError, inputClass } from "@/components/ui/field";
import { type FormAction, useFormAction } from "@/components/ui/use-form-action";

/** `action` answers a refused attempt with its message and the typed email. */
export function SignInForm({ callbackUrl, action }: { callbackUrl: string; action: FormAction<{ error: string; email: string }> }) {
  const [state, onSubmit, pending, formAction] = useFormAction(action);

  return (
    <form action={formAction} onSubmit={onSubmit} className="mt-6 space-y-4" noValidate>
      <FormError message={state?.error} />
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <Field label="Email">
        {(p) => (
          <input {...p} name="email" type="email" autoComplete="username" required defaultValue={state?.email} className={inputClass} />
        )}
      </Field>
      <Field label="Password">
        {(p) => <input {...p} name="password" type="password" autoComplete="current-password" required className={inputClass} />}
      </Field>
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
