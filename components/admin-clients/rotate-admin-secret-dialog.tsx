"use client";
// Rotate Administration API credentials: choose what happens to the current
// secret, then the new one is shown once, as after creation.
import { FormError } from "@/components/ui/field";
import { useDialogForm } from "@/components/ui/form-dialog";
import { useSecretDialog } from "@/components/api-clients/use-secret-dialog";
import { ShowOnceDialog } from "@/components/api-clients/show-once-dialog";
import { GracePeriodChoice, RotateFormButtons, useGraceChoice } from "@/components/api-clients/grace-period-choice";
import type { FormActionFn } from "@/components/api-clients/types";
import { AdminCredentialsReveal } from "./admin-credentials-reveal";
import type { AdminApiEndpoints, IssuedAdminSecret } from "./types";

export function RotateAdminSecretDialog({
  target,
  onClosed,
  returnFocus,
  endpoints,
  rotateAction,
}: {
  target: { clientId: string; name: string } | null;
  onClosed: () => void;
  returnFocus: () => void;
  endpoints: AdminApiEndpoints;
  rotateAction: FormActionFn<IssuedAdminSecret>;
}) {
  const d = useSecretDialog<IssuedAdminSecret>({ open: target !== null, onClose: onClosed });
  if (!target) return null;
  return (
    <ShowOnceDialog
      dialog={d}
      returnFocus={returnFocus}
      size="lg"
      title={`Rotate secret of “${target.name}”`}
      description="A new secret is issued. The client ID and permissions stay the same."
      issuedTitle={() => `New secret for “${target.name}”`}
      issuedDescription={() => "Update your pipelines and tools with the new secret. The client ID stays the same."}
      reveal={(s) => <AdminCredentialsReveal issued={s} endpoints={endpoints} dialog={d} />}
    >
      <RotateForm key={d.formKey} clientId={target.clientId} action={rotateAction} onRotated={d.onIssued} />
    </ShowOnceDialog>
  );
}

function RotateForm({ clientId, action, onRotated }: { clientId: string; action: FormActionFn<IssuedAdminSecret>; onRotated: (s: IssuedAdminSecret) => void }) {
  const { state, onSubmit, pending, fieldErrors } = useDialogForm(action, onRotated);
  const grace = useGraceChoice();
  const error = state && !state.ok ? (fieldErrors?.grace?.[0] ?? state.error) : undefined;
  return (
    <form onSubmit={grace.guard(onSubmit)} className="space-y-4" noValidate>
      <input type="hidden" name="clientId" value={clientId} />
      <FormError message={error} />
      <GracePeriodChoice choice={grace} />
      <RotateFormButtons choice={grace} pending={pending} done={!!state?.ok} />
    </form>
  );
}
