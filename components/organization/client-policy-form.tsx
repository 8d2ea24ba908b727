"use client";
// Owners bound clients' own token lifetimes and rate limits. Empty: no bound
// beyond the instance's (lifetime at most TOKEN_TTL_SECONDS; a rate limit
// override at most RATE_LIMIT_CLIENT_POINTS, i.e. only lower).
import { Button } from "@/components/ui/button";
import { Field, FormError, inputClass } from "@/components/ui/field";
import { type FormAction, useFormAction } from "@/components/ui/use-form-action";
import type { ActionResult } from "@/lib/auth/authed-action";
import type { InstanceDefaults, OrganizationBounds } from "@cluster-console/credentials";
import { duration } from "@/lib/text/counts";

type Result = ActionResult<{ changed: boolean } & OrganizationBounds>;

export function ClientPolicyForm({ current, instance, action }: { current: OrganizationBounds; instance: InstanceDefaults; action: FormAction<Result> }) {
  const [state, onSubmit, pending, formAction] = useFormAction(action);
  const fe = state && !state.ok ? state.fieldErrors : undefined;
  const value = (v: number | null) => (v === null ? "" : String(v));
  return (
    <form action={formAction} onSubmit={onSubmit} className="space-y-4" noValidate>
      <div className="grid gap-4 sm:grid-cols-3">
        <Field label="Shortest token lifetime (seconds)" hint="Empty: 60 seconds." errors={fe?.minTokenTtlSeconds}>
          {(p) => <input {...p} name="minTokenTtlSeconds" inputMode="numeric" defaultValue={value(current.minTokenTtlSeconds)} placeholder="60" className={inputClass} />}
        </Field>
        <Field label="Longest token lifetime (seconds)" hint={`Empty: the instance's ${duration(instance.tokenTtlSeconds)}, also the ceiling.`} errors={fe?.maxTokenTtlSeconds}>
          {(p) => <input {...p} name="maxTokenTtlSeconds" inputMode="numeric" defaultValue={value(current.maxTokenTtlSeconds)} placeholder={String(instance.tokenTtlSeconds)} className={inputClass} />}
        </Field>
        <Field
          label={`Highest rate limit (requests per ${duration(instance.clientRateLimitWindowSeconds)})`}
          hint={`Empty: the instance's ${instance.clientRateLimit}, so clients can only be given less.`}
          errors={fe?.maxClientRateLimit}
        >
          {(p) => <input {...p} name="maxClientRateLimit" inputMode="numeric" defaultValue={value(current.maxClientRateLimit)} placeholder={String(instance.clientRateLimit)} className={inputClass} />}
        </Field>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending}>{pending ? "Saving…" : "Save bounds"}</Button>
        <div aria-live="polite">
          {state?.ok && <p className="text-sm text-emerald-700">Saved. Every instance applies the bounds within seconds.</p>}
          {state && !state.ok && !fe && <FormError message={state.error} />}
        </div>
      </div>
    </form>
  );
}
