"use client";
// Edit a client's name, description and scopes. One dialog for the whole
// table, opened for `target`.
import { useEffect } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent } from "@/components/ui/dialog";
import { Field, FormError, inputClass } from "@/components/ui/field";
import { useFormAction } from "@/components/ui/use-form-action";
import { CHOICE_DESCRIPTIONS, CHOICE_LABELS, SCOPE_CHOICES, scopeChoices, type ClientScopeName } from "@cluster-console/credentials";
import type { ActionResult } from "@/lib/auth/authed-action";
import { duration } from "@/lib/text/counts";
import { TokenPolicyFields, type TokenPolicyLimits } from "./token-policy-fields";

export interface EditTarget {
  clientId: string;
  name: string;
  description: string;
  scopes: ClientScopeName[];
  /** The client's own token lifetime and rate limit (null: the instance's); shown with `policy`. */
  tokenTtlSeconds?: number | null;
  tokenRateLimit?: number | null;
}

export type UpdateActionFn = (prev: ActionResult<unknown> | undefined, input: FormData) => Promise<ActionResult<unknown>>;

export function EditClientDialog({
  clusterId,
  target,
  onClosed,
  returnFocus,
  updateAction,
  tokenTtlSeconds,
  policy,
}: {
  clusterId: string;
  target: EditTarget | null;
  onClosed: () => void;
  returnFocus: () => void;
  updateAction: UpdateActionFn;
  tokenTtlSeconds: number;
  /** With it, the dialog edits the client's token lifetime and rate limit too. */
  policy?: TokenPolicyLimits;
}) {
  if (!target) return null;
  return (
    <Dialog open onOpenChange={(o) => !o && onClosed()}>
      <DialogContent
        onCloseAutoFocus={(e) => (e.preventDefault(), returnFocus())}
        title={`Edit “${target.name}”`}
        description="The client ID and secrets stay the same."
        className="w-[min(40rem,calc(100vw-2rem))]"
      >
        <EditClientForm clusterId={clusterId} target={target} action={updateAction} onSaved={onClosed} tokenTtlSeconds={tokenTtlSeconds} policy={policy} />
      </DialogContent>
    </Dialog>
  );
}

function EditClientForm({
  clusterId,
  target,
  action,
  onSaved,
  tokenTtlSeconds,
  policy,
}: {
  clusterId: string;
  target: EditTarget;
  action: UpdateActionFn;
  onSaved: () => void;
  tokenTtlSeconds: number;
  policy?: TokenPolicyLimits;
}) {
  const [state, onSubmit, pending] = useFormAction(action);
  const fe = state && !state.ok ? state.fieldErrors : undefined;
  useEffect(() => {
    if (state?.ok) onSaved();
  }, [state, onSaved]);
  return (
    <form onSubmit={onSubmit} className="space-y-5" noValidate>
      <input type="hidden" name="clusterId" value={clusterId} />
      <input type="hidden" name="clientId" value={target.clientId} />
      {state && !state.ok && !fe && <FormError message={state.error} />}
      <Field label="Client name" hint="Up to 100 characters, unique within this cluster." errors={fe?.name}>
        {(p) => <input {...p} name="name" defaultValue={target.name} required maxLength={100} autoComplete="off" className={inputClass} />}
      </Field>
      <Field label="Description" hint="Optional: what the client is for and who owns it. Up to 500 characters." errors={fe?.description}>
        {(p) => (
          <textarea {...p} name="description" defaultValue={target.description} maxLength={500} rows={3} placeholder="e.g. Order worker in the payments service, owned by team Checkout" className={inputClass} />
        )}
      </Field>
      <fieldset aria-describedby="edit-scopes-note">
        <legend className="text-sm font-medium text-slate-800">Scopes</legend>
        <p id="edit-scopes-note" className="mt-1 rounded-md bg-amber-50 px-3 py-2 text-xs text-amber-900 ring-1 ring-amber-200">
          A scope change applies to tokens issued from now on. Tokens already issued keep their scopes until they
          expire (at most {duration(tokenTtlSeconds)}); a token request for a removed scope&apos;s audience is refused.
        </p>
        <div className="mt-2 grid gap-2 sm:grid-cols-2">
          {SCOPE_CHOICES.map((s) => (
            <label key={s} className="flex cursor-pointer gap-3 rounded-lg px-3 py-2.5 ring-1 ring-slate-200 hover:bg-slate-50 has-[:checked]:bg-brand-50/60 has-[:checked]:ring-brand-500">
              <input
                type="checkbox"
                name="scopes"
                value={s}
                defaultChecked={scopeChoices(target.scopes).includes(s)}
                aria-labelledby={`edit-scope-${s}`}
                aria-describedby={`edit-scope-${s}-description`}
                className="mt-0.5 size-4 shrink-0 accent-brand-500"
              />
              <span>
                <span id={`edit-scope-${s}`} className="block text-sm font-medium text-slate-900">{CHOICE_LABELS[s]}</span>
                <span id={`edit-scope-${s}-description`} className="block text-xs text-slate-500">{CHOICE_DESCRIPTIONS[s]}</span>
              </span>
            </label>
          ))}
        </div>
        {fe?.scopes?.length ? <p role="alert" className="mt-1.5 text-sm text-red-600">{fe.scopes[0]}</p> : null}
      </fieldset>
      {policy && <TokenPolicyFields limits={policy} tokenTtlSeconds={target.tokenTtlSeconds ?? null} tokenRateLimit={target.tokenRateLimit ?? null} errors={fe} />}
      <div className="flex justify-end gap-2 pt-1">
        <DialogClose asChild>
          <Button variant="secondary">Cancel</Button>
        </DialogClose>
        <Button type="submit" disabled={pending || state?.ok}>{pending ? "Saving…" : "Save changes"}</Button>
      </div>
    </form>
  );
}
