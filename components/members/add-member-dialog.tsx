"use client";
import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { Field, FormError, inputClass } from "@/components/ui/field";
import { type FormAction, useFormAction, useResultToast } from "@/components/ui/use-form-action";
import type { ActionResult } from "@/lib/auth/authed-action";
import { CountedInput } from "@/components/ui/counted-input";
import { MEMBER_NAME_MAX } from "@/lib/members/schemas";

export function AddMemberDialog({ roles, action }: { roles: { value: string; label: string }[]; action: FormAction<ActionResult<unknown>> }) {
  const [open, setOpen] = useState(false);
  const [state, onSubmit, pending, formAction] = useFormAction(action);
  const fe = state && !state.ok ? state.fieldErrors : undefined;
  useResultToast(state, { success: () => "Member added", failure: "The member was not added" });

  useEffect(() => {
    if (state?.ok) setOpen(false);
  }, [state]);

  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button>Add member</Button>
      </DialogTrigger>
      <DialogContent
        title="Add member"
        description="Create an account with an initial password and share it with them over a safe channel."
      >
        <form action={formAction} onSubmit={onSubmit} className="space-y-4" noValidate>
          {state && !state.ok && !fe && <FormError message={state.error} />}
          <Field label="Name" errors={fe?.name}>
            {(p) => <CountedInput {...p} max={MEMBER_NAME_MAX} name="name" required autoComplete="off" autoFocus />}
          </Field>
          <Field label="Email" errors={fe?.email}>
            {(p) => <input {...p} name="email" type="email" required className={inputClass} autoComplete="off" />}
          </Field>
          <Field label="Initial password" hint="At least 12 characters." errors={fe?.password}>
            {(p) => <input {...p} name="password" type="password" required className={inputClass} autoComplete="new-password" />}
          </Field>
          <Field label="Role" errors={fe?.role}>
            {(p) => (
              <select {...p} name="role" defaultValue="DEVELOPER" className={inputClass}>
                {roles.map((r) => (
                  <option key={r.value} value={r.value}>
                    {r.label}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <div className="flex justify-end gap-2 pt-2">
            <DialogClose asChild>
              <Button variant="secondary">Cancel</Button>
            </DialogClose>
            <Button type="submit" disabled={pending}>
              {pending ? "Adding…" : "Add member"}
            </Button>
          </div>
        </form>
      </DialogContent>
    </Dialog>
  );
}
