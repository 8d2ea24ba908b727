"use client";
// "Create new credentials": a name, permissions grouped by resource as
// checkboxes and when the secret expires (within the organization's maximum
// secret age), then the show-once view.
import { AddButton } from "@/components/ui/button";
import { CheckboxGroup, Field } from "@/components/ui/field";
import { CountedInput } from "@/components/ui/counted-input";
import { CLIENT_NAME_MAX } from "@/lib/api-clients/schemas";
import { DialogForm, useDialogForm } from "@/components/ui/form-dialog";
import { useSecretDialog } from "@/components/api-clients/use-secret-dialog";
import { ShowOnceDialog } from "@/components/api-clients/show-once-dialog";
import { SecretExpiryField } from "@/components/api-clients/secret-expiry-field";
import type { FormActionFn } from "@/components/api-clients/types";
import { ADMIN_PERMISSION_GROUPS } from "@cluster-console/credentials";
import { AdminCredentialsReveal } from "./admin-credentials-reveal";
import type { AdminApiEndpoints, IssuedAdminSecret } from "./types";

export function CreateAdminClientDialog({
  endpoints,
  createAction,
  maxSecretAgeDays,
}: {
  endpoints: AdminApiEndpoints;
  createAction: FormActionFn<IssuedAdminSecret>;
  /** The organization's maximum secret age: the expiry field offers nothing past it. */
  maxSecretAgeDays: number | null;
}) {
  const d = useSecretDialog<IssuedAdminSecret>();
  return (
    <ShowOnceDialog
      dialog={d}
      trigger={<AddButton>Create new credentials</AddButton>}
      size="lg"
      title="Create new credentials"
      description="Organization-level credentials for the Administration API: they reach every cluster of this organization."
      issuedTitle={(c) => `Credentials “${c.name}” created`}
      issuedDescription={() => "Exchange these credentials for an access token at the OAuth URL, then call the Administration API with it."}
      reveal={(c) => <AdminCredentialsReveal issued={c} endpoints={endpoints} dialog={d} />}
    >
      <CreateForm key={d.formKey} action={createAction} onCreated={d.onIssued} maxSecretAgeDays={maxSecretAgeDays} />
    </ShowOnceDialog>
  );
}

function CreateForm({
  action,
  onCreated,
  maxSecretAgeDays,
}: {
  action: FormActionFn<IssuedAdminSecret>;
  onCreated: (s: IssuedAdminSecret) => void;
  maxSecretAgeDays: number | null;
}) {
  const form = useDialogForm(action, onCreated);
  const fe = form.fieldErrors;
  return (
    <DialogForm form={form} roomy lockAfterSuccess submitLabel="Create" pendingLabel="Creating…">
      <Field label="Name" hint="Up to 100 characters, unique in the organization. Name it after the tool or pipeline that uses it." errors={fe?.name}>
        {(p) => (
          // Focused on open: the dialog opens to fill in this one field.
          <CountedInput {...p} max={CLIENT_NAME_MAX} name="name" required autoComplete="off" placeholder="e.g. terraform-ci" autoFocus />
        )}
      </Field>
      <CheckboxGroup
        name="permissions"
        legend="Permissions"
        hint="What requests made with these credentials may do. Grant only what the tool needs."
        errors={fe?.permissions}
      >
        <div className="mt-2 grid gap-2 sm:grid-cols-2">
          {ADMIN_PERMISSION_GROUPS.map((g) => (
            <fieldset key={g.label} className="rounded-lg px-3 py-2.5 ring-1 ring-slate-200">
              <legend className="sr-only">{g.label}</legend>
              <p aria-hidden="true" className="text-sm font-medium text-slate-900">{g.label}</p>
              <div className="mt-1.5 flex flex-wrap gap-x-4 gap-y-1.5">
                {g.permissions.map((p) => (
                  <label key={p.permission} className="flex cursor-pointer items-center gap-2 text-sm text-slate-700">
                    <input
                      type="checkbox"
                      name="permissions"
                      value={p.permission}
                      aria-label={`${g.label}: ${p.label}`}
                      defaultChecked={p.label === "Get"}
                      className="size-4 accent-brand-500"
                    />
                    {p.label}
                  </label>
                ))}
              </div>
            </fieldset>
          ))}
        </div>
      </CheckboxGroup>
      <SecretExpiryField maxSecretAgeDays={maxSecretAgeDays} errors={fe} />
    </DialogForm>
  );
}
