"use client";
// The forms of an invitation link's page (/invite/<token>). Each posts to a
// server action, with or without JavaScript, and the action signs the person
// in and redirects: no password ever travels in a URL. The token goes back in
// a hidden field (it is in the page's own URL already).
import { Button } from "@/components/ui/button";
import { Field, FormError, inputClass } from "@/components/ui/field";
import { CountedInput } from "@/components/ui/counted-input";
import { type FormAction, useFormAction } from "@/components/ui/use-form-action";
import type { ActionResult } from "@/lib/auth/authed-action";
import { MEMBER_NAME_MAX } from "@/lib/members/schemas";

type LinkAction = FormAction<ActionResult<unknown>>;

function useLinkForm(action: LinkAction) {
  const [state, onSubmit, pending, formAction] = useFormAction(action);
  const fe = state && !state.ok ? state.fieldErrors : undefined;
  const formError = state && !state.ok && !fe?.password && !fe?.name ? state.error : undefined;
  return { state, onSubmit, pending, formAction, fe, formError };
}

/** No account yet: a name and a password for the invitation's email. */
export function NewAccountForm({ token, action }: { token: string; action: LinkAction }) {
  const f = useLinkForm(action);
  return (
    <form action={f.formAction} onSubmit={f.onSubmit} className="space-y-4" noValidate aria-labelledby="new-account-title">
      <h2 id="new-account-title" className="text-base font-semibold text-slate-900">New here? Create your account</h2>
      <FormError message={f.formError} />
      <input type="hidden" name="token" value={token} />
      <Field label="Your name" errors={f.fe?.name}>
        {(p) => <CountedInput {...p} max={MEMBER_NAME_MAX} name="name" autoComplete="name" required />}
      </Field>
      <Field label="Choose a password" hint="At least 12 characters." errors={f.fe?.password}>
        {(p) => <input {...p} name="password" type="password" autoComplete="new-password" required className={inputClass} />}
      </Field>
      <Button type="submit" className="w-full" disabled={f.pending}>
        {f.pending ? "Creating account…" : "Create account and join"}
      </Button>
    </form>
  );
}

/** An account with the invitation's email already exists: its password, then join. */
export function ExistingAccountForm({ token, email, action }: { token: string; email: string; action: LinkAction }) {
  const f = useLinkForm(action);
  return (
    <form action={f.formAction} onSubmit={f.onSubmit} className="space-y-4" noValidate aria-labelledby="existing-account-title">
      <h2 id="existing-account-title" className="text-base font-semibold text-slate-900">I already have an account</h2>
      <FormError message={f.formError} />
      <input type="hidden" name="token" value={token} />
      <Field label={`Password of ${email}`} errors={f.fe?.password}>
        {(p) => <input {...p} name="password" type="password" autoComplete="current-password" required className={inputClass} />}
      </Field>
      <Button type="submit" variant="secondary" className="w-full" disabled={f.pending}>
        {f.pending ? "Signing in…" : "Sign in and join"}
      </Button>
    </form>
  );
}

/** Signed in with the invited account: one button. */
export function JoinForm({ token, organizationName, action }: { token: string; organizationName: string; action: LinkAction }) {
  const f = useLinkForm(action);
  return (
    <form action={f.formAction} onSubmit={f.onSubmit} className="space-y-4" noValidate>
      <FormError message={f.formError} />
      <input type="hidden" name="token" value={token} />
      <Button type="submit" className="h-auto w-full [overflow-wrap:anywhere] whitespace-normal" disabled={f.pending}>
        {f.pending ? "Joining…" : `Join ${organizationName}`}
      </Button>
    </form>
  );
}
