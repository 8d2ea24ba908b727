"use client";
import { useEffect, useRef } from "react";
import { signIn } from "next-auth/react";
import { setUpConsole } from "@/app/actions/set-up-console";
import { Button } from "@/components/ui/button";
import { Field, FormError, inputClass } from "@/components/ui/field";
import { useFormAction } from "@/components/ui/use-form-action";

export function SetupForm() {
  const [state, onSubmit, pending] = useFormAction(setUpConsole);
  const password = useRef<HTMLInputElement>(null);
  const fe = state && !state.ok ? state.fieldErrors : undefined;

  useEffect(() => {
    if (state?.ok) {
      void signIn("credentials", { email: state.data.email, password: password.current?.value ?? "", callbackUrl: "/clusters" });
    }
  }, [state]);

  return (
    <form onSubmit={onSubmit} className="mt-6 space-y-4" noValidate>
      {state && !state.ok && !fe && <FormError message={state.error} />}
      <Field label="Organization name" errors={fe?.organizationName}>
        {(p) => <input {...p} name="organizationName" required maxLength={100} className={inputClass} placeholder="Acme Inc." />}
      </Field>
      <Field label="Your name" errors={fe?.name}>
        {(p) => <input {...p} name="name" autoComplete="name" required className={inputClass} />}
      </Field>
      <Field label="Email" errors={fe?.email}>
        {(p) => <input {...p} name="email" type="email" autoComplete="username" required className={inputClass} />}
      </Field>
      <Field label="Password" hint="At least 12 characters." errors={fe?.password}>
        {(p) => (
          <input {...p} ref={password} name="password" type="password" autoComplete="new-password" required className={inputClass} />
        )}
      </Field>
      <Button type="submit" className="w-full" disabled={pending || state?.ok}>
        {pending || state?.ok ? "Setting up…" : "Create owner account"}
      </Button>
    </form>
  );
}
