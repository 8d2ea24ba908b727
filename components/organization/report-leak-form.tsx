"use client";
// Any member: paste a secret found where it should not be (a repository, a
// ticket, a chat). The field is a password field, the answer never repeats
// the secret, and the form is cleared once it was sent.
import { useEffect, useRef } from "react";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Field, FormError, inputClass } from "@/components/ui/field";
import { type FormAction, useFormAction } from "@/components/ui/use-form-action";
import type { ActionResult } from "@/lib/auth/authed-action";

type Outcome = { live: false } | { live: true; revoked: boolean; clientId: string; clientName: string; clusterId: string | null };
type Result = ActionResult<Outcome>;

export function ReportLeakForm({ action }: { action: FormAction<Result> }) {
  const [state, onSubmit, pending, formAction] = useFormAction(action);
  const form = useRef<HTMLFormElement>(null);
  const fe = state && !state.ok ? state.fieldErrors : undefined;
  useEffect(() => {
    if (state?.ok) form.current?.reset();
  }, [state]);
  return (
    <form ref={form} action={formAction} onSubmit={onSubmit} className="space-y-4" noValidate>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="The secret" hint="Starts with ccs_. It is checked against this organization's secrets and not kept." errors={fe?.secret}>
          {(p) => <input {...p} name="secret" type="password" autoComplete="off" spellCheck={false} maxLength={200} required className={`${inputClass} font-mono`} />}
        </Field>
        <Field label="Where it was found" hint="Optional: the address of the file, ticket or page." errors={fe?.url}>
          {(p) => <input {...p} name="url" type="url" inputMode="url" autoComplete="off" maxLength={2000} placeholder="https://github.com/…" className={inputClass} />}
        </Field>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" variant="danger" disabled={pending}>{pending ? "Reporting…" : "Report leaked secret"}</Button>
      </div>
      <div aria-live="polite">
        {state && !state.ok && !fe && <FormError message={state.error} />}
        {state?.ok && <ReportOutcome outcome={state.data} />}
      </div>
    </form>
  );
}

function ReportOutcome({ outcome }: { outcome: Outcome }) {
  if (!outcome.live) {
    return <p className="rounded-md bg-slate-50 px-3 py-2 text-sm text-slate-700 ring-1 ring-slate-200">That is not a working secret of this organization: nothing was changed.</p>;
  }
  const href = outcome.clusterId ? `/clusters/${outcome.clusterId}/api/${encodeURIComponent(outcome.clientId)}` : "/organization/administration-api";
  return (
    <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-amber-200 [overflow-wrap:anywhere]">
      {outcome.revoked ? "Revoked: " : "Recorded, and it still works: "}
      it was a secret of{" "}
      <Link href={href} className="font-medium underline">
        {outcome.clientName}
      </Link>
      . {outcome.revoked ? "Rotate the client to issue a new secret." : "Rotate the client now to replace it."}
    </p>
  );
}
