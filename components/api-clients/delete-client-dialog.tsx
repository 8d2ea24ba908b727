"use client";
// Delete a revoked client for good, with confirmation. Its audit events stay.
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent } from "@/components/ui/dialog";
import { FormError } from "@/components/ui/field";
import type { ActionInput, ActionResult } from "@/lib/auth/authed-action";

/** One confirmation dialog for the whole table, opened for `target`. */
export function DeleteClientDialog({
  clusterId,
  target,
  onClosed,
  returnFocus,
  deleteAction,
}: {
  clusterId: string;
  target: { clientId: string; name: string } | null;
  onClosed: () => void;
  returnFocus: () => void;
  deleteAction: (prev: unknown, input: ActionInput) => Promise<ActionResult<{ clientId: string }>>;
}) {
  const [error, setError] = useState<string>();
  const [pending, start] = useTransition();
  if (!target) return null;
  const { clientId, name: clientName } = target;
  const close = () => (setError(undefined), onClosed());
  return (
    <Dialog open onOpenChange={(o) => !o && !pending && close()}>
      <DialogContent
        onCloseAutoFocus={(e) => (e.preventDefault(), returnFocus())}
        title={`Delete “${clientName}” for good?`}
        description="The revoked client disappears from this list together with its secrets’ stored hashes. Its entries in Activity stay. This cannot be undone."
      >
        <FormError message={error} className="mb-4" />
        <div className="flex justify-end gap-2">
          <DialogClose asChild>
            <Button variant="secondary">Cancel</Button>
          </DialogClose>
          <Button
            variant="danger"
            disabled={pending}
            onClick={() =>
              start(async () => {
                const res = await deleteAction(undefined, { clusterId, clientId });
                if (res.ok) close();
                else setError(res.error);
              })
            }
          >
            {pending ? "Deleting…" : "Delete client"}
          </Button>
        </div>
      </DialogContent>
    </Dialog>
  );
}
