"use client";
// Withdraw a pending invitation (its link stops working), after a confirmation.
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { FormError } from "@/components/ui/field";
import { notify } from "@/components/ui/toaster";
import type { ActionInput, ActionResult } from "@/lib/auth/authed-action";

type InvitationAction = (prev: unknown, input: ActionInput) => Promise<ActionResult<unknown>>;

export function RevokeInvitationButton({ invitationId, email, action }: { invitationId: string; email: string; action: InvitationAction }) {
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string>();
  const [pending, start] = useTransition();
  const router = useRouter();
  return (
    <Dialog open={open} onOpenChange={(o) => (setOpen(o), setError(undefined))}>
      <DialogTrigger asChild>
        <Button variant="ghost" size="sm" aria-label={`Revoke the invitation for ${email}`}>
          Revoke
        </Button>
      </DialogTrigger>
      <DialogContent title={`Revoke the invitation for ${email}?`} description="The link stops working at once. You can invite them again later.">
        <FormError message={error} className="mb-4" />
        <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
          <DialogClose asChild>
            <Button variant="secondary">Cancel</Button>
          </DialogClose>
          <Button
            variant="danger"
            disabled={pending}
            onClick={() =>
              start(async () => {
                const res = await action(undefined, { invitationId });
                if (res.ok) {
                  setOpen(false);
                  notify.success(`Invitation for ${email} revoked`);
                  router.refresh();
                } else {
                  setError(res.error);
                  notify.error("The invitation was not revoked", res.error);
                }
              })
            }
          >
            {pending ? "Revoking…" : "Revoke invitation"}
          </Button>
        </div>
      </DialogContent>
    </Dialog>
  );
}
