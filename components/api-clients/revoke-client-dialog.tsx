"use client";
// Revoke with confirmation. Afterwards the row shows the client as revoked.
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { FormError } from "@/components/ui/field";
import type { ActionInput, ActionResult } from "@/lib/auth/authed-action";

export function RevokeClientDialog({
  clusterId,
  clientId,
  clientName,
  revokeAction,
}: {
  clusterId: string;
  clientId: string;
  clientName: string;
  revokeAction: (prev: unknown, input: ActionInput) => Promise<ActionResult<{ clientId: string; revokedAt: Date }>>;
}) {
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string>();
  const [pending, start] = useTransition();
  return (
    <Dialog open={open} onOpenChange={(o) => (setOpen(o), setError(undefined))}>
      <DialogTrigger asChild>
        <Button variant="ghost" size="sm" aria-label={`Revoke ${clientName}`} className="text-red-700 hover:bg-red-50">
          Revoke
        </Button>
      </DialogTrigger>
      <DialogContent
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
                if (res.ok) setOpen(false);
                else setError(res.error);
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
