"use client";
// Owners choose what a reported leak of a live secret does.
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";
import { type FormAction, useFormAction } from "@/components/ui/use-form-action";
import type { ActionResult } from "@/lib/auth/authed-action";

import { LEAK_POLICY_TEXT, type LeakPolicyName as Policy } from "@/lib/leaks/policy-text";

type Result = ActionResult<{ changed: boolean; leakPolicy: Policy }>;

export function LeakPolicyForm({ current, action }: { current: Policy; action: FormAction<Result> }) {
  const [state, onSubmit, pending, formAction] = useFormAction(action);
  return (
    <form action={formAction} onSubmit={onSubmit} className="space-y-3" noValidate>
      <fieldset className="space-y-2">
        <legend className="sr-only">When a live secret is reported as leaked</legend>
        {(Object.keys(LEAK_POLICY_TEXT) as Policy[]).map((p) => (
          <label key={p} className="flex cursor-pointer gap-3 rounded-lg px-3 py-2.5 ring-1 ring-slate-200 hover:bg-slate-50 has-[:checked]:bg-brand-50/60 has-[:checked]:ring-brand-500">
            <input type="radio" name="leakPolicy" value={p} defaultChecked={current === p} aria-describedby={`leak-policy-${p}`} className="mt-0.5 size-4 shrink-0 accent-brand-500" />
            <span>
              <span className="block text-sm font-medium text-slate-900">{LEAK_POLICY_TEXT[p].label}</span>
              <span id={`leak-policy-${p}`} className="block text-xs text-slate-500">{LEAK_POLICY_TEXT[p].description}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending}>{pending ? "Saving…" : "Save"}</Button>
        <div aria-live="polite">
          {state?.ok && <p className="text-sm text-emerald-700">Saved.</p>}
          {state && !state.ok && <FormError message={state.fieldErrors?.leakPolicy?.[0] ?? state.error} />}
        </div>
      </div>
    </form>
  );
}
