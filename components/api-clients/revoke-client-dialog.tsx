"use client";
// Revoke with confirmation. Afterwards the row shows the client as revoked.
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import type { ActionInput, ActionResult } from "@/lib/auth/authed-action";

/** One confirmation dialog for the whole table, opened for `target`. */
export function RevokeClientDialog({
  clusterId,
  target,
  onClosed,
  returnFocus,
  revokeAction,
}: {
  clusterId: string;
  target: { clientId: string; name: string } | null;
  onClosed: () => void;
  returnFocus: () => void;
  revokeAction: (prev: unknown, input: ActionInput) => Promise<ActionResult<{ clientId: string; revokedAt: Date }>>;
}) {
  if (!target) return null;
  const { clientId, name } = target;
  return (
    <ConfirmDialog
      title={`Revoke “${name}”?`}
      description="The client and all its secrets stop working at once: applications using it can no longer get access tokens, and tokens already issued are reported inactive. This cannot be undone."
      confirmLabel="Revoke client"
      pendingLabel="Revoking…"
      successMessage={`Revoked “${name}”`}
      failureTitle={`“${name}” was not revoked`}
      run={() => revokeAction(undefined, { clusterId, clientId })}
      onClosed={onClosed}
      returnFocus={returnFocus}
    />
  );
}
