"use client";
// "Create New Client": name and scopes, then the show-once credentials view.
import { useEffect } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { Field, FormError } from "@/components/ui/field";
import { CountedInput } from "@/components/ui/counted-input";
import { CLIENT_NAME_MAX } from "@/lib/api-clients/schemas";
import { useFormAction, useResultToast } from "@/components/ui/use-form-action";
import { CLIENT_SCOPES, SCOPE_DESCRIPTIONS, SCOPE_LABELS } from "@cluster-console/credentials";
import { CredentialsReveal } from "./credentials-reveal";
import { SecretExpiryField } from "./secret-expiry-field";
import { useSecretDialog } from "./use-secret-dialog";
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
    <Dialog open={d.open} onOpenChange={d.onOpenChange}>
      <DialogTrigger asChild>
        <Button>
          <span aria-hidden="true" className="text-base leading-none">+</span>
          Create New Client
        </Button>
      </DialogTrigger>
      <DialogContent
        title={d.issued ? `Client “${d.issued.name}” created` : "Create new client"}
        description={
          d.issued
            ? "Your application exchanges these credentials for an access token at the OAuth URL."
            : "An API client lets an application (a worker, a service, a CI job) authenticate to this cluster."
        }
        size="lg"
      >
        {d.issued ? (
          <CredentialsReveal issued={d.issued} connection={connection} dialog={d} />
        ) : (
          <CreateClientForm key={d.formKey} clusterId={clusterId} action={createAction} onCreated={d.onIssued} maxSecretAgeDays={maxSecretAgeDays} />
        )}
      </DialogContent>
    </Dialog>
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
  const [state, onSubmit, pending] = useFormAction(action);
  const fe = state && !state.ok ? state.fieldErrors : undefined;
  useResultToast(state, { success: (c) => `Client “${c.name}” created`, failure: "The client was not created" });

  useEffect(() => {
    if (state?.ok) onCreated(state.data);
  }, [state, onCreated]);

  return (
    <form onSubmit={onSubmit} className="space-y-5" noValidate>
      <input type="hidden" name="clusterId" value={clusterId} />
      {state && !state.ok && !fe && <FormError message={state.error} />}
      <Field label="Client name" hint="Unique within this cluster." errors={fe?.name}>
        {(p) => (
          // Focused on open: the dialog opens to fill in this one field.
          <CountedInput {...p} max={CLIENT_NAME_MAX} name="name" required autoComplete="off" placeholder="e.g. order-worker" autoFocus />
        )}
      </Field>
      <fieldset aria-describedby={fe?.scopes ? "scopes-error" : undefined}>
        <legend className="text-sm font-medium text-slate-800">Scopes</legend>
        <p className="text-xs text-slate-500">What the client&apos;s access tokens may be used for.</p>
        <div className="mt-2 grid gap-2 sm:grid-cols-2">
          {CLIENT_SCOPES.map((s) => (
            <label
              key={s}
              className="flex cursor-pointer gap-3 rounded-lg px-3 py-2.5 ring-1 ring-slate-200 hover:bg-slate-50 has-[:checked]:bg-brand-50/60 has-[:checked]:ring-brand-500"
            >
              <input
                type="checkbox"
                name="scopes"
                value={s}
                defaultChecked={s === "ZEEBE"}
                aria-labelledby={`scope-${s}`}
                aria-describedby={`scope-${s}-description`}
                className="mt-0.5 size-4 shrink-0 accent-brand-500"
              />
              <span>
                <span id={`scope-${s}`} className="block text-sm font-medium text-slate-900">{SCOPE_LABELS[s]}</span>
                <span id={`scope-${s}-description`} className="block text-xs text-slate-500">{SCOPE_DESCRIPTIONS[s]}</span>
              </span>
            </label>
          ))}
        </div>
        {fe?.scopes?.length ? (
          <p id="scopes-error" role="alert" className="mt-1.5 text-sm text-red-600">
            {fe.scopes[0]}
          </p>
        ) : null}
      </fieldset>
      <SecretExpiryField maxSecretAgeDays={maxSecretAgeDays} errors={fe} />
      <div className="flex justify-end gap-2 pt-1">
        <DialogClose asChild>
          <Button variant="secondary">Cancel</Button>
        </DialogClose>
        <Button type="submit" disabled={pending || state?.ok}>
          {pending ? "Creating…" : "Create client"}
        </Button>
      </div>
    </form>
  );
}
