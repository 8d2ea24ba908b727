"use client";
// Posts to a server action, with or without JavaScript (then the browser
// submits the server-rendered form as a POST and gets the page back with the
// error, or the redirect): the password never travels in a URL.
import { signInWithPassword } from "@/app/actions/sign-in-with-password";
import { Button } from "@/components/ui/button";
import { Field, FormError, inputClass } from "@/components/ui/field";
import { useFormAction } from "@/components/ui/use-form-action";

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const [state, onSubmit, pending, formAction] = useFormAction(signInWithPassword);

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
