"use client";
// Revoke with confirmation. Afterwards the row shows the client as revoked.
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent } from "@/components/ui/dialog";
import { FormError } from "@/components/ui/field";
import { notify } from "@/components/ui/toaster";
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
  const [error, setError] = useState<string>();
  const [pending, start] = useTransition();
  if (!target) return null;
  const { clientId, name: clientName } = target;
  const close = () => (setError(undefined), onClosed());
  return (
    <Dialog open onOpenChange={(o) => !o && !pending && close()}>
      <DialogContent
        onCloseAutoFocus={(e) => (e.preventDefault(), returnFocus())}
        title={`Revoke “${clientName}”?`}
        description="The client and all its secrets stop working at once: applications using it can no longer get access tokens, and tokens already issued are reported inactive. This cannot be undone."
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
                const res = await revokeAction(undefined, { clusterId, clientId });
                if (res.ok) {
                  close();
                  notify.success(`Revoked “${clientName}”`);
                } else {
                  setError(res.error);
                  notify.error(`“${clientName}” was not revoked`, res.error);
                }
              })
            }
          >
            {pending ? "Revoking…" : "Revoke client"}
          </Button>
        </div>
      </DialogContent>
    </Dialog>
  );
}
