"use client";
// Delete a revoked client for good, with confirmation. Its audit events stay.
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import type { ActionInput, ActionResult } from "@/lib/auth/authed-action";

/** One confirmation dialog for the whole table, opened for `target`. */
export function DeleteClientDialog({
  clusterId,
  target,
  onClosed,
  returnFocus,
  deleteAction,
  onDone,
}: {
  clusterId: string;
  target: { clientId: string; name: string } | null;
  onClosed: () => void;
  returnFocus: () => void;
  deleteAction: (prev: unknown, input: ActionInput) => Promise<ActionResult<{ clientId: string }>>;
  /** After the delete (the client's page leaves for the list). */
  onDone?: () => void;
}) {
  if (!target) return null;
  const { clientId, name } = target;
  return (
    <ConfirmDialog
      title={`Delete “${name}” for good?`}
      description="The revoked client disappears from this list together with its secrets’ stored hashes. Its entries in Activity stay. This cannot be undone."
      confirmLabel="Delete client"
      pendingLabel="Deleting…"
      successMessage={`Deleted “${name}”`}
      failureTitle={`“${name}” was not deleted`}
      run={() => deleteAction(undefined, { clusterId, clientId })}
      onClosed={onClosed}
      onDone={onDone}
      returnFocus={returnFocus}
    />
  );
}
