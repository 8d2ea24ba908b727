"use client";
// Create a connector secret, replace its value, delete it. The value field is
// write-only: once saved, a value is never shown again (not here, not in the
// list, not in Activity); the dialog forgets it when it closes.
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { ConfirmButton } from "@/components/ui/confirm-dialog";
import { FormDialog } from "@/components/ui/form-dialog";
import type { FormAction } from "@/components/ui/use-form-action";
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
  return (
    <FormDialog
      trigger={<Button>Create secret</Button>}
      title="Create connector secret"
      description={
        <>
          Connectors on this cluster refer to it as <code className="font-mono text-xs">{"{{secrets.NAME}}"}</code>.
        </>
      }
      action={action}
      toast={{ success: (d) => `Secret ${d.name} created`, failure: "The secret was not created" }}
      hidden={{ clusterId }}
      submitLabel="Create"
      pendingLabel="Creating…"
    >
      {(fe) => (
        <>
          <Field label="Name" hint="Letters and digits, joined by single dots, dashes or underscores: API_KEY, slack.token." errors={fe?.name}>
            {(p) => <input {...p} name="name" required maxLength={SECRET_NAME_MAX} autoComplete="off" spellCheck={false} className={`${inputClass} font-mono`} />}
          </Field>
          <ValueField errors={fe?.value} />
        </>
      )}
    </FormDialog>
  );
}

export function ReplaceSecretDialog({ clusterId, name, action }: { clusterId: string; name: string; action: SecretAction }) {
  return (
    <FormDialog
      trigger={
        <Button variant="ghost" size="sm" aria-label={`Replace the value of ${name}`}>
          Replace value
        </Button>
      }
      title={`Replace the value of ${name}`}
      description="Connectors get the new value from the connector runtime's next refresh (about 20 seconds)."
      action={action}
      toast={{ success: (d) => `Value of ${d.name} replaced`, failure: "The value was not replaced" }}
      hidden={{ clusterId, name }}
      shownFields={["value"]}
      submitLabel="Replace value"
      pendingLabel="Saving…"
    >
      {(fe) => <ValueField errors={fe?.value} />}
    </FormDialog>
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
