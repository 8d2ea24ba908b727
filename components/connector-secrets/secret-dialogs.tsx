"use client";
// Create a connector secret, replace its value, delete it. The value field is
// write-only: once saved, a value is never shown again (not here, not in the
// list, not in Activity); the dialog forgets it when it closes.
import { useEffect, useState } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { Field, FormError, inputClass } from "@/components/ui/field";
import { ConfirmButton } from "@/components/ui/confirm-dialog";
import { type FormAction, useFormAction, useResultToast } from "@/components/ui/use-form-action";
import type { ActionInput, ActionResult } from "@/lib/auth/authed-action";
import { SECRET_NAME_MAX, SECRET_VALUE_MAX_BYTES } from "@/lib/connector-secrets/names";

type SecretAction = FormAction<ActionResult<{ name: string }>>;

const VALUE_HINT = `Up to ${SECRET_VALUE_MAX_BYTES / 1024} KiB. Stored encrypted; never shown again once saved.`;

function ValueField({ errors }: { errors?: string[] }) {
  return (
    <Field label="Value" hint={VALUE_HINT} errors={errors}>
      {(p) => (
        <textarea
          {...p}
          name="value"
          rows={3}
          required
          autoComplete="off"
          spellCheck={false}
          data-1p-ignore
          className={`${inputClass} font-mono`}
        />
      )}
    </Field>
  );
}

export function CreateSecretDialog({ clusterId, action }: { clusterId: string; action: SecretAction }) {
  const [open, setOpen] = useState(false);
  const [state, onSubmit, pending] = useFormAction(action);
  const router = useRouter();
  const fe = state && !state.ok ? state.fieldErrors : undefined;
  useResultToast(state, { success: (d) => `Secret ${d.name} created`, failure: "The secret was not created" });
  useEffect(() => {
    if (state?.ok) {
      setOpen(false);
      router.refresh();
    }
  }, [state, router]);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button>Create secret</Button>
      </DialogTrigger>
      <DialogContent
        title="Create connector secret"
        description={
          <>
            Connectors on this cluster refer to it as <code className="font-mono text-xs">{"{{secrets.NAME}}"}</code>.
          </>
        }
      >
        <form key={String(open)} onSubmit={onSubmit} className="space-y-4" noValidate>
          <input type="hidden" name="clusterId" value={clusterId} />
          {state && !state.ok && !fe && <FormError message={state.error} />}
          <Field label="Name" hint="Letters and digits, joined by single dots, dashes or underscores: API_KEY, slack.token." errors={fe?.name}>
            {(p) => <input {...p} name="name" required maxLength={SECRET_NAME_MAX} autoComplete="off" spellCheck={false} className={`${inputClass} font-mono`} />}
          </Field>
          <ValueField errors={fe?.value} />
          <div className="flex justify-end gap-2 pt-2">
            <DialogClose asChild>
              <Button variant="secondary">Cancel</Button>
            </DialogClose>
            <Button type="submit" disabled={pending}>
              {pending ? "Creating…" : "Create"}
            </Button>
          </div>
        </form>
      </DialogContent>
    </Dialog>
  );
}

export function ReplaceSecretDialog({ clusterId, name, action }: { clusterId: string; name: string; action: SecretAction }) {
  const [open, setOpen] = useState(false);
  const [state, onSubmit, pending] = useFormAction(action);
  const router = useRouter();
  const fe = state && !state.ok ? state.fieldErrors : undefined;
  useResultToast(state, { success: (d) => `Value of ${d.name} replaced`, failure: "The value was not replaced" });
  useEffect(() => {
    if (state?.ok) {
      setOpen(false);
      router.refresh();
    }
  }, [state, router]);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="ghost" size="sm" aria-label={`Replace the value of ${name}`}>
          Replace value
        </Button>
      </DialogTrigger>
      <DialogContent title={`Replace the value of ${name}`} description="Connectors get the new value from the connector runtime's next refresh (about 20 seconds).">
        <form key={String(open)} onSubmit={onSubmit} className="space-y-4" noValidate>
          <input type="hidden" name="clusterId" value={clusterId} />
          <input type="hidden" name="name" value={name} />
          {state && !state.ok && !fe?.value && <FormError message={state.error} />}
          <ValueField errors={fe?.value} />
          <div className="flex justify-end gap-2 pt-2">
            <DialogClose asChild>
              <Button variant="secondary">Cancel</Button>
            </DialogClose>
            <Button type="submit" disabled={pending}>
              {pending ? "Saving…" : "Replace value"}
            </Button>
          </div>
        </form>
      </DialogContent>
    </Dialog>
  );
}

export function DeleteSecretButton({
  clusterId,
  name,
  action,
}: {
  clusterId: string;
  name: string;
  action: (prev: unknown, input: ActionInput) => Promise<ActionResult<unknown>>;
}) {
  const router = useRouter();
  return (
    <ConfirmButton
      label="Delete"
      ariaLabel={`Delete the secret ${name}`}
      title={`Delete the secret ${name}?`}
      description="Connectors that use it fail to resolve it from the connector runtime's next refresh. This cannot be undone."
      confirmLabel="Delete secret"
      pendingLabel="Deleting…"
      successMessage={`Secret ${name} deleted`}
      failureTitle="The secret was not deleted"
      run={() => action(undefined, { clusterId, name })}
      onDone={() => router.refresh()}
    />
  );
}
