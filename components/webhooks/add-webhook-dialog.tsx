"use client";
// "Add endpoint": the receiver's URL, the events to send (every event, whole
// groups, or single actions) and a description; then the signing secret, once.
import { AddButton } from "@/components/ui/button";
import { CheckboxGroup, Field, inputClass } from "@/components/ui/field";
import { DialogForm, useDialogForm } from "@/components/ui/form-dialog";
import { useSecretDialog } from "@/components/api-clients/use-secret-dialog";
import { ShowOnceDialog } from "@/components/api-clients/show-once-dialog";
import type { FormActionFn } from "@/components/api-clients/types";
import { actionGroup, actionText, groupLabel, ACTIONS } from "@/lib/audit/actions";
import { WEBHOOK_DESCRIPTION_MAX } from "@/lib/webhooks/schemas";
import { WebhookSecretReveal } from "./secret-reveal";

interface Created {
  secret: string;
  endpoint: { url: string };
}

const GROUPS = [...new Set(Object.keys(ACTIONS).map(actionGroup))];

export function AddWebhookDialog({ action, production }: { action: FormActionFn<Created>; production: boolean }) {
  const d = useSecretDialog<Created>();
  return (
    <ShowOnceDialog
      dialog={d}
      trigger={<AddButton>Add endpoint</AddButton>}
      size="lg"
      title="Add webhook endpoint"
      description="The console POSTs each chosen event, signed, to this URL."
      issuedTitle={() => "Endpoint added"}
      issuedDescription={() => "Events are sent to it from now on."}
      reveal={(c) => <WebhookSecretReveal secret={c.secret} dialog={d} />}
    >
      <AddForm key={d.formKey} action={action} onCreated={d.onIssued} production={production} />
    </ShowOnceDialog>
  );
}

function AddForm({ action, onCreated, production }: { action: FormActionFn<Created>; onCreated: (c: Created) => void; production: boolean }) {
  const form = useDialogForm(action, onCreated);
  const fe = form.fieldErrors;
  return (
    <DialogForm form={form} roomy lockAfterSuccess submitLabel="Add endpoint" pendingLabel="Adding…">
      <Field label="URL" hint={production ? "An https:// URL that your receiver answers with 2xx." : "Where your receiver listens; https:// in production."} errors={fe?.url}>
        {(p) => <input {...p} name="url" type="url" required autoComplete="off" placeholder="https://hooks.example.com/console" className={inputClass} />}
      </Field>
      <CheckboxGroup name="events" legend="Events" hint="The Activity trail's events. A group includes events added to it later." errors={fe?.events}>
        <label className="mt-2 flex cursor-pointer items-center gap-2 text-sm font-medium text-slate-800">
          <input type="checkbox" name="events" value="*" className="size-4 accent-brand-500" />
          Every event
        </label>
        <div className="mt-2 grid gap-2 sm:grid-cols-2">
          {GROUPS.map((g) => (
            <fieldset key={g} className="rounded-lg px-3 py-2.5 ring-1 ring-slate-200">
              <legend className="sr-only">{groupLabel(g)}</legend>
              <label className="flex cursor-pointer items-center gap-2 text-sm font-medium text-slate-900">
                <input type="checkbox" name="events" value={`${g}.*`} defaultChecked={g === "client"} className="size-4 accent-brand-500" />
                {groupLabel(g)}: all
              </label>
              <details className="mt-1">
                <summary className="cursor-pointer text-xs text-slate-500">Single events</summary>
                <div className="mt-1.5 space-y-1">
                  {Object.keys(ACTIONS)
                    .filter((a) => actionGroup(a) === g)
                    .map((a) => (
                      <label key={a} className="flex cursor-pointer items-center gap-2 text-sm text-slate-700">
                        <input type="checkbox" name="events" value={a} className="size-4 accent-brand-500" />
                        {actionText(a).label}
                      </label>
                    ))}
                </div>
              </details>
            </fieldset>
          ))}
        </div>
      </CheckboxGroup>
      <Field label="Description" hint={`Optional, up to ${WEBHOOK_DESCRIPTION_MAX} characters: what receives it, who owns it.`} errors={fe?.description}>
        {(p) => <textarea {...p} name="description" rows={2} maxLength={WEBHOOK_DESCRIPTION_MAX} className={inputClass} />}
      </Field>
    </DialogForm>
  );
}
