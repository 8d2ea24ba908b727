"use client";
// "Invite member": email and role, then the invitation link shown once. The
// answer is the same whether or not the email has an account somewhere.
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { DialogForm, useDialogForm } from "@/components/ui/form-dialog";
import { type FormAction, useResultToast } from "@/components/ui/use-form-action";
import { useSecretDialog } from "@/components/api-clients/use-secret-dialog";
import { ShowOnceDialog } from "@/components/api-clients/show-once-dialog";
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
    <ShowOnceDialog
      dialog={d}
      trigger={<Button>Invite member</Button>}
      title="Invite member"
      description="You get a link to send them. With it they choose a password, or use the account they already have, and join."
      issuedTitle={(i) => (i.emailed ? "Invitation sent" : "Invitation link created")}
      issuedDescription={(i) => `For ${i.email}, as ${roleLabel(i.role)}.`}
      reveal={(i) => (
        <LinkReveal issued={i} label="Invitation link" instructions={<>Send it to {i.email}; they open it to join this organization.</>} dialog={d} />
      )}
    >
      <InviteForm key={d.formKey} roles={roles} action={action} onIssued={d.onIssued} />
    </ShowOnceDialog>
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
  const form = useDialogForm(action, onIssued);
  const [role, setRole] = useState("DEVELOPER");
  const fe = form.fieldErrors;
  useResultToast(form.state, { success: (i) => `Invitation for ${i.email} created`, failure: "No invitation was created" });
  return (
    <DialogForm form={form} footer="stacked" submitLabel="Create invitation link" pendingLabel="Creating link…">
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
    </DialogForm>
  );
}
