"use client";
// Owners choose the organization's maximum secret age.
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";
import { type FormAction, useFormAction } from "@/components/ui/use-form-action";
import { MAX_SECRET_AGE_CHOICES } from "@/lib/api-clients/secret-expiry";
import { count } from "@/lib/text/counts";
import type { ActionResult } from "@/lib/auth/authed-action";

type Result = ActionResult<{ maxSecretAgeDays: number | null; changed: boolean }>;

export function MaxSecretAgeForm({ current, action }: { current: number | null; action: FormAction<Result> }) {
  // With JavaScript, onSubmit; without it (or before it loads), the form POSTs to the same server action.
  const [state, onSubmit, pending, formAction] = useFormAction(action);
  // A value set through the API that is not one of the offered choices stays selectable.
  const choices = current !== null && !(MAX_SECRET_AGE_CHOICES as readonly number[]).includes(current) ? [...MAX_SECRET_AGE_CHOICES, current].sort((a, b) => a - b) : MAX_SECRET_AGE_CHOICES;
  return (
    <form action={formAction} onSubmit={onSubmit} className="flex flex-wrap items-end gap-3" noValidate>
      <label className="space-y-1.5">
        <span className="block text-sm font-medium text-slate-800">Maximum secret age</span>
        <select
          name="maxSecretAgeDays"
          defaultValue={current === null ? "" : String(current)}
          className="h-9 rounded-md border-0 bg-white py-1.5 pr-8 pl-3 text-sm text-slate-900 ring-1 ring-slate-300 ring-inset focus:ring-2 focus:ring-brand-500 focus:outline-none"
        >
          <option value="">No maximum</option>
          {choices.map((d) => (
            <option key={d} value={d}>{count(d, "day")}</option>
          ))}
        </select>
      </label>
      <Button type="submit" disabled={pending}>{pending ? "Saving…" : "Save"}</Button>
      <div className="basis-full" aria-live="polite">
        {state?.ok && <p className="text-sm text-emerald-700">Saved. New secrets follow this policy from now on.</p>}
        {state && !state.ok && <FormError message={state.fieldErrors?.maxSecretAgeDays?.[0] ?? state.error} />}
      </div>
    </form>
  );
}
