"use client";
// "Create New Client": name and scopes, then the show-once credentials view.
import { AddButton } from "@/components/ui/button";
import { CheckboxGroup, Field } from "@/components/ui/field";
import { CountedInput } from "@/components/ui/counted-input";
import { CLIENT_NAME_MAX } from "@/lib/api-clients/schemas";
import { DialogForm, useDialogForm } from "@/components/ui/form-dialog";
import { useResultToast } from "@/components/ui/use-form-action";
import { CHOICE_DESCRIPTIONS, CHOICE_LABELS, SCOPE_CHOICES } from "@cluster-console/credentials";
import { CredentialsReveal } from "./credentials-reveal";
import { SecretExpiryField } from "./secret-expiry-field";
import { useSecretDialog } from "./use-secret-dialog";
import { ShowOnceDialog } from "./show-once-dialog";
import type { ClusterConnection, FormActionFn, IssuedSecret } from "./types";

export function CreateClientDialog({
  clusterId,
  connection,
  createAction,
  maxSecretAgeDays = null,
}: {
  clusterId: string;
  connection: ClusterConnection;
  createAction: FormActionFn<IssuedSecret>;
  /** The organization's maximum secret age in days, if its owners set one. */
  maxSecretAgeDays?: number | null;
}) {
  const d = useSecretDialog();
  return (
    <ShowOnceDialog
      dialog={d}
      trigger={<AddButton>Create New Client</AddButton>}
      size="lg"
      title="Create new client"
      description="An API client lets an application (a worker, a service, a CI job) authenticate to this cluster."
      issuedTitle={(c) => `Client “${c.name}” created`}
      issuedDescription={() => "Your application exchanges these credentials for an access token at the OAuth URL."}
      reveal={(c) => <CredentialsReveal issued={c} connection={connection} dialog={d} />}
    >
      <CreateClientForm key={d.formKey} clusterId={clusterId} action={createAction} onCreated={d.onIssued} maxSecretAgeDays={maxSecretAgeDays} />
    </ShowOnceDialog>
  );
}

function CreateClientForm({
  clusterId,
  action,
  onCreated,
  maxSecretAgeDays,
}: {
  clusterId: string;
  action: FormActionFn<IssuedSecret>;
  onCreated: (s: IssuedSecret) => void;
  maxSecretAgeDays: number | null;
}) {
  const form = useDialogForm(action, onCreated);
  const fe = form.fieldErrors;
  useResultToast(form.state, { success: (c) => `Client “${c.name}” created`, failure: "The client was not created" });
  return (
    <DialogForm form={form} hidden={{ clusterId }} roomy lockAfterSuccess submitLabel="Create client" pendingLabel="Creating…">
      <Field label="Client name" hint="Unique within this cluster." errors={fe?.name}>
        {(p) => (
          // Focused on open: the dialog opens to fill in this one field.
          <CountedInput {...p} max={CLIENT_NAME_MAX} name="name" required autoComplete="off" placeholder="e.g. order-worker" autoFocus />
        )}
      </Field>
      <CheckboxGroup name="scopes" legend="Scopes" hint="What the client's access tokens may be used for." errors={fe?.scopes}>
        <div className="mt-2 grid gap-2 sm:grid-cols-2">
          {SCOPE_CHOICES.map((s) => (
            <label
              key={s}
              className="flex cursor-pointer gap-3 rounded-lg px-3 py-2.5 ring-1 ring-slate-200 hover:bg-slate-50 has-[:checked]:bg-brand-50/60 has-[:checked]:ring-brand-500"
            >
              <input
                type="checkbox"
                name="scopes"
                value={s}
                defaultChecked={s === "ORCHESTRATION"}
                aria-labelledby={`scope-${s}`}
                aria-describedby={`scope-${s}-description`}
                className="mt-0.5 size-4 shrink-0 accent-brand-500"
              />
              <span>
                <span id={`scope-${s}`} className="block text-sm font-medium text-slate-900">{CHOICE_LABELS[s]}</span>
                <span id={`scope-${s}-description`} className="block text-xs text-slate-500">{CHOICE_DESCRIPTIONS[s]}</span>
              </span>
            </label>
          ))}
        </div>
      </CheckboxGroup>
      <SecretExpiryField maxSecretAgeDays={maxSecretAgeDays} errors={fe} />
    </DialogForm>
  );
}
