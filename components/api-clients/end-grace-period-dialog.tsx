"use client";
// End a rotation's grace period, with confirmation: the old secret stops
// working now, the current one keeps working, and no new secret is issued.
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { formatDateTime } from "@/components/ui/format";
import type { ActionInput, ActionResult } from "@/lib/auth/authed-action";

export type EndGraceActionFn = (prev: unknown, input: ActionInput) => Promise<ActionResult<{ clientId: string; secretsRevoked: number }>>;

/** One confirmation dialog for the whole table, opened for `target`. */
export function EndGracePeriodDialog({
  clusterId,
  target,
  onClosed,
  returnFocus,
  endGraceAction,
}: {
  /** Ignored by the Administration API credentials' action. */
  clusterId: string;
  target: { clientId: string; name: string; previousSecretExpiresAt: Date | null } | null;
  onClosed: () => void;
  returnFocus: () => void;
  endGraceAction: EndGraceActionFn;
}) {
  if (!target) return null;
  const { clientId, name, previousSecretExpiresAt } = target;
  const until = previousSecretExpiresAt ? ` (valid until ${formatDateTime(previousSecretExpiresAt)})` : "";
  return (
    <ConfirmDialog
      title={`End the grace period of “${name}”?`}
      description={`The old secret${until} stops working now: applications still using it can no longer get access tokens. The current secret keeps working, and no new secret is issued.`}
      confirmLabel="End grace period now"
      pendingLabel="Ending…"
      successMessage={`The old secret of “${name}” no longer works`}
      failureTitle={`The grace period of “${name}” was not ended`}
      run={() => endGraceAction(undefined, { clusterId, clientId })}
      onClosed={onClosed}
      returnFocus={returnFocus}
    />
  );
}
