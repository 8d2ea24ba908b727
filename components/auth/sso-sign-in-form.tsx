"use client";
// "Continue with single sign-on": a work email; the answer is the
// organization's provider, which the browser opens. Without JavaScript the
// answer is a link to it (a redirect after a form post would be stopped by
// the page's form-action policy).
import { useEffect } from "react";
import { Button } from "@/components/ui/button";
import { Field, FormError, inputClass } from "@/components/ui/field";
import { type FormAction, useFormAction } from "@/components/ui/use-form-action";
import type { ActionResult } from "@/lib/auth/authed-action";

export function SsoSignInForm({ callbackUrl, action }: { callbackUrl: string; action: FormAction<ActionResult<{ url: string }>> }) {
  const [state, onSubmit, pending, formAction] = useFormAction(action);
  const url = state?.ok ? state.data.url : undefined;
  useEffect(() => {
    if (url) window.location.assign(url);
  }, [url]);
  return (
    <form action={formAction} onSubmit={onSubmit} className="space-y-4" noValidate aria-label="Single sign-on">
      {state && !state.ok && <FormError message={state.fieldErrors?.email?.[0] ?? state.error} />}
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <Field label="Work email">
        {(p) => <input {...p} name="email" type="email" autoComplete="email" required className={inputClass} />}
      </Field>
      <Button type="submit" className="w-full" disabled={pending || Boolean(url)}>
        {pending || url ? "Opening your identity provider…" : "Continue with single sign-on"}
      </Button>
      {url && (
        <p className="text-sm text-slate-700">
          <a href={url} className="font-medium text-brand-700 underline">Continue to your identity provider</a>
        </p>
      )}
    </form>
  );
}
