"use client";
// "Invite member": email and role, then the invitation link shown once. The
// answer is the same whether or not the email has an account somewhere.
import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { Field, FormError, inputClass } from "@/components/ui/field";
import { type FormAction, useFormAction, useResultToast } from "@/components/ui/use-form-action";
import { useSecretDialog } from "@/components/api-clients/use-secret-dialog";
import type { ActionResult } from "@/lib/auth/authed-action";
import { type IssuedLink, LinkReveal } from "./link-reveal";

export interface IssuedInvitation extends IssuedLink {
  email: string;
  role: string;
}

export function InviteMemberDialog({
  roles,
  action,
}: {
  roles: { value: string; label: string; description?: string }[];
  action: FormAction<ActionResult<IssuedInvitation>>;
}) {
  const d = useSecretDialog<IssuedInvitation>();
  const roleLabel = (v: string) => roles.find((r) => r.value === v)?.label ?? v;
  return (
    <Dialog open={d.open} onOpenChange={d.onOpenChange}>
      <DialogTrigger asChild>
        <Button>Invite member</Button>
      </DialogTrigger>
      <DialogContent
        title={d.issued ? (d.issued.emailed ? "Invitation sent" : "Invitation link created") : "Invite member"}
        description={
          d.issued
            ? `For ${d.issued.email}, as ${roleLabel(d.issued.role)}.`
            : "You get a link to send them. With it they choose a password, or use the account they already have, and join."
        }
      >
        {d.issued ? (
          <LinkReveal
            issued={d.issued}
            label="Invitation link"
            instructions={<>Send it to {d.issued.email}; they open it to join this organization.</>}
            dialog={d}
          />
        ) : (
          <InviteForm key={d.formKey} roles={roles} action={action} onIssued={d.onIssued} />
        )}
      </DialogContent>
    </Dialog>
  );
}

function InviteForm({
  roles,
  action,
  onIssued,
}: {
  roles: { value: string; label: string; description?: string }[];
  action: FormAction<ActionResult<IssuedInvitation>>;
  onIssued: (i: IssuedInvitation) => void;
}) {
  const [state, onSubmit, pending] = useFormAction(action);
  const [role, setRole] = useState("DEVELOPER");
  const fe = state && !state.ok ? state.fieldErrors : undefined;
  useResultToast(state, { success: (i) => `Invitation for ${i.email} created`, failure: "No invitation was created" });
  useEffect(() => {
    if (state?.ok) onIssued(state.data);
  }, [state, onIssued]);
  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      {state && !state.ok && !fe && <FormError message={state.error} />}
      <Field label="Email" errors={fe?.email}>
        {(p) => <input {...p} name="email" type="email" required className={inputClass} autoComplete="off" />}
      </Field>
      {/* What the chosen role may do, under the picker (and read with it). */}
      <Field label="Role" hint={roles.find((r) => r.value === role)?.description} errors={fe?.role}>
        {(p) => (
          <select {...p} name="role" value={role} onChange={(e) => setRole(e.target.value)} className={inputClass}>
            {roles.map((r) => (
              <option key={r.value} value={r.value}>
                {r.label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div className="flex flex-col-reverse gap-2 pt-2 sm:flex-row sm:justify-end">
        <DialogClose asChild>
          <Button variant="secondary">Cancel</Button>
        </DialogClose>
        <Button type="submit" disabled={pending}>
          {pending ? "Creating link…" : "Create invitation link"}
        </Button>
      </div>
    </form>
  );
}
