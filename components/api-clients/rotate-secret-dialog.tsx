"use client";
// Rotate a client's secret: choose what happens to the current one, then the
// new secret is shown once, exactly like after creation.
import { FormError } from "@/components/ui/field";
import { useDialogForm } from "@/components/ui/form-dialog";
import { useResultToast } from "@/components/ui/use-form-action";
import { SecretExpiryField } from "./secret-expiry-field";
import { CredentialsReveal } from "./credentials-reveal";
import { GracePeriodChoice, RotateFormButtons, useGraceChoice } from "./grace-period-choice";
import { useSecretDialog } from "./use-secret-dialog";
import type { RotationGrace } from "@/lib/api-clients/schemas";
import { ShowOnceDialog } from "./show-once-dialog";
import type { ClusterConnection, FormActionFn, IssuedSecret } from "./types";

/**
 * One dialog for the whole table, opened for the row whose "Rotate" button
 * was pressed (`target`); 50 rows do not each carry a dialog.
 */
export function RotateSecretDialog({
  clusterId,
  target,
  onClosed,
  returnFocus,
  connection,
  rotateAction,
  maxSecretAgeDays = null,
  defaultGrace,
}: {
  clusterId: string;
  target: { clientId: string; name: string } | null;
  onClosed: () => void;
  returnFocus: () => void;
  connection: ClusterConnection;
  rotateAction: FormActionFn<IssuedSecret>;
  /** The organization's maximum secret age in days, if its owners set one. */
  maxSecretAgeDays?: number | null;
  /** What happens to the current secret unless the person chooses otherwise (a grace period; "now" for a leaked one). */
  defaultGrace?: RotationGrace;
}) {
  const d = useSecretDialog({ open: target !== null, onClose: onClosed });
  if (!target) return null;
  const { clientId, name: clientName } = target;
  return (
    <ShowOnceDialog
      dialog={d}
      returnFocus={returnFocus}
      size="lg"
      title={`Rotate secret of “${clientName}”`}
      description="A new secret is issued. The client ID and scopes stay the same."
      issuedTitle={() => `New secret for “${clientName}”`}
      issuedDescription={() => "Update your applications with the new secret. The client ID stays the same."}
      reveal={(s) => <CredentialsReveal issued={s} connection={connection} dialog={d} />}
    >
      <RotateForm key={d.formKey} clusterId={clusterId} clientId={clientId} action={rotateAction} onRotated={d.onIssued} maxSecretAgeDays={maxSecretAgeDays} defaultGrace={defaultGrace} />
    </ShowOnceDialog>
  );
}

function RotateForm({
  clusterId,
  clientId,
  action,
  onRotated,
  maxSecretAgeDays,
  defaultGrace,
}: {
  clusterId: string;
  clientId: string;
  action: FormActionFn<IssuedSecret>;
  onRotated: (s: IssuedSecret) => void;
  maxSecretAgeDays: number | null;
  defaultGrace?: RotationGrace;
}) {
  const { state, onSubmit, pending, fieldErrors } = useDialogForm(action, onRotated);
  const grace = useGraceChoice(defaultGrace);
  useResultToast(state, { success: (c) => `New secret issued for “${c.name}”`, failure: "The secret was not rotated" });
  const error = state && !state.ok ? (fieldErrors?.grace?.[0] ?? state.error) : undefined;

  return (
    <form onSubmit={grace.guard(onSubmit)} className="space-y-4" noValidate>
      <input type="hidden" name="clusterId" value={clusterId} />
      <input type="hidden" name="clientId" value={clientId} />
      <FormError message={error} />
      <GracePeriodChoice choice={grace} />
      <p className="text-xs text-slate-500">A client has at most two working secrets: the new one and, during a grace period, the one it replaces.</p>
      <SecretExpiryField maxSecretAgeDays={maxSecretAgeDays} errors={fieldErrors} />
      <RotateFormButtons choice={grace} pending={pending} done={!!state?.ok} />
    </form>
  );
}
