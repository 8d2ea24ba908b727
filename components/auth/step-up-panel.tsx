"use client";
// Step-up ("Confirm it's you"): before the most powerful changes, the person
// re-enters their password or signs in again at their organization's
// provider. Shows until when it holds once confirmed.
import { useRouter } from "next/navigation";
import { useEffect, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Field, FormError, inputClass } from "@/components/ui/field";
import { type FormAction, useFormAction } from "@/components/ui/use-form-action";
import type { ActionResult } from "@/lib/auth/authed-action";

export function StepUpPanel({
  until,
  what,
  confirmWithPassword,
  confirmAtProvider,
  returnTo,
}: {
  /** Seconds since the epoch; 0: not confirmed. */
  until: number;
  what: string;
  confirmWithPassword: FormAction<ActionResult<{ until: number }>>;
  /** Offered when the organization has single sign-on. */
  confirmAtProvider?: (prev: unknown, input: { returnTo: string }) => Promise<ActionResult<{ url: string }>>;
  returnTo: string;
}) {
  const router = useRouter();
  const [state, onSubmit, pending, formAction] = useFormAction(confirmWithPassword);
  const [providerError, setProviderError] = useState<string>();
  const [redirecting, start] = useTransition();
  useEffect(() => {
    if (state?.ok) router.refresh();
  }, [state, router]);
  const confirmedUntil = state?.ok ? state.data.until : until;
  if (confirmedUntil * 1000 > Date.now()) {
    // The same text on the server and in the browser, whatever their time zones.
    const time = `${new Date(confirmedUntil * 1000).toISOString().slice(11, 16)} UTC`;
    return (
      <p className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800 ring-1 ring-emerald-200" role="status">
        You confirmed it&rsquo;s you: {what} until {time}.
      </p>
    );
  }
  return (
    <section aria-labelledby="step-up-title" className="space-y-3 rounded-md bg-amber-50 p-4 ring-1 ring-amber-200">
      <h3 id="step-up-title" className="text-sm font-semibold text-slate-900">Confirm it&rsquo;s you</h3>
      <p className="text-sm text-slate-700">
        {what[0]?.toUpperCase()}{what.slice(1)} needs you to prove again that it is you. It then holds for 5 minutes, and is recorded in Activity.
      </p>
      <form action={formAction} onSubmit={onSubmit} className="flex flex-wrap items-end gap-3" noValidate>
        <div className="min-w-0 flex-1 basis-56">
          <Field label="Your password" errors={state && !state.ok ? state.fieldErrors?.password : undefined}>
            {(p) => <input {...p} name="password" type="password" autoComplete="current-password" required className={inputClass} />}
          </Field>
        </div>
        <Button type="submit" disabled={pending}>{pending ? "Checking…" : "Confirm"}</Button>
        {confirmAtProvider && (
          <Button
            variant="secondary"
            disabled={redirecting}
            onClick={() =>
              start(async () => {
                const res = await confirmAtProvider(undefined, { returnTo });
                if (res.ok) window.location.assign(res.data.url);
                else setProviderError(res.error);
              })
            }
          >
            Confirm at your identity provider
          </Button>
        )}
      </form>
      {state && !state.ok && !state.fieldErrors?.password && <FormError message={state.error} />}
      {providerError && <FormError message={providerError} />}
    </section>
  );
}
