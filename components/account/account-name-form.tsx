"use client";
// The signed-in user's display name: shown in the header, the member list and
// the activity of each of their organizations.
import { Button } from "@/components/ui/button";
import { CountedInput } from "@/components/ui/counted-input";
import { Field, FormError } from "@/components/ui/field";
import { type FormAction, useFormAction, useResultToast } from "@/components/ui/use-form-action";
import type { ActionResult } from "@/lib/auth/authed-action";
import { MEMBER_NAME_MAX } from "@/lib/members/schemas";

type Result = ActionResult<{ name: string; changed: boolean }>;

export function AccountNameForm({ name, action }: { name: string; action: FormAction<Result> }) {
  const [state, onSubmit, pending, formAction] = useFormAction(action);
  const fe = state && !state.ok ? state.fieldErrors : undefined;
  useResultToast(state, {
    success: (d) => (d.changed ? "Name saved" : "Name unchanged"),
    failure: "The name was not saved",
  });

  return (
    <form action={formAction} onSubmit={onSubmit} className="space-y-4" noValidate>
      {state && !state.ok && !fe && <FormError message={state.error} />}
      <Field label="Name" hint="Shown to the other members of your organizations." errors={fe?.name}>
        {(p) => <CountedInput {...p} max={MEMBER_NAME_MAX} name="name" required autoComplete="name" defaultValue={name} />}
      </Field>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save name"}
        </Button>
        <p aria-live="polite" className="text-sm text-emerald-700">
          {state?.ok ? (state.data.changed ? "Name saved." : "That is already your name.") : ""}
        </p>
      </div>
    </form>
  );
}
