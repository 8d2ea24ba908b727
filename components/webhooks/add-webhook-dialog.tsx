"use client";
// "Add endpoint": the receiver's URL, the events to send (every event, whole
// groups, or single actions) and a description; then the signing secret, once.
import { useEffect } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { Field, FormError, inputClass } from "@/components/ui/field";
import { useFormAction } from "@/components/ui/use-form-action";
import { useSecretDialog } from "@/components/api-clients/use-secret-dialog";
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
    <Dialog open={d.open} onOpenChange={d.onOpenChange}>
      <DialogTrigger asChild>
        <Button>
          <span aria-hidden="true" className="text-base leading-none">+</span>
          Add endpoint
        </Button>
      </DialogTrigger>
      <DialogContent
        title={d.issued ? "Endpoint added" : "Add webhook endpoint"}
        description={d.issued ? "Events are sent to it from now on." : "The console POSTs each chosen event, signed, to this URL."}
        size="lg"
      >
        {d.issued ? (
          <WebhookSecretReveal secret={d.issued.secret} dialog={d} />
        ) : (
          <AddForm key={d.formKey} action={action} onCreated={d.onIssued} production={production} />
        )}
      </DialogContent>
    </Dialog>
  );
}

function AddForm({ action, onCreated, production }: { action: FormActionFn<Created>; onCreated: (c: Created) => void; production: boolean }) {
  const [state, onSubmit, pending] = useFormAction(action);
  const fe = state && !state.ok ? state.fieldErrors : undefined;
  useEffect(() => {
    if (state?.ok) onCreated(state.data);
  }, [state, onCreated]);
  return (
    <form onSubmit={onSubmit} className="space-y-5" noValidate>
      {state && !state.ok && !fe && <FormError message={state.error} />}
      <Field label="URL" hint={production ? "An https:// URL that your receiver answers with 2xx." : "Where your receiver listens; https:// in production."} errors={fe?.url}>
        {(p) => <input {...p} name="url" type="url" required autoComplete="off" placeholder="https://hooks.example.com/console" className={inputClass} />}
      </Field>
      <fieldset aria-describedby={fe?.events ? "events-error" : undefined}>
        <legend className="text-sm font-medium text-slate-800">Events</legend>
        <p className="text-xs text-slate-500">The Activity trail&apos;s events. A group includes events added to it later.</p>
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
        {fe?.events?.length ? (
          <p id="events-error" role="alert" className="mt-1.5 text-sm text-red-600">
            {fe.events[0]}
          </p>
        ) : null}
      </fieldset>
      <Field label="Description" hint={`Optional, up to ${WEBHOOK_DESCRIPTION_MAX} characters: what receives it, who owns it.`} errors={fe?.description}>
        {(p) => <textarea {...p} name="description" rows={2} maxLength={WEBHOOK_DESCRIPTION_MAX} className={inputClass} />}
      </Field>
      <div className="flex justify-end gap-2 pt-1">
        <DialogClose asChild>
          <Button variant="secondary">Cancel</Button>
        </DialogClose>
        <Button type="submit" disabled={pending || state?.ok}>
          {pending ? "Adding…" : "Add endpoint"}
        </Button>
      </div>
    </form>
  );
}
