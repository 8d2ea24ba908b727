"use client";
// A confirmation for one irreversible action: says what will happen, runs the
// action on "confirm", closes and toasts on success, and keeps the dialog open
// with the action's error otherwise. Focus goes back where the caller says
// (the row's menu button, which may have been re-rendered meanwhile).
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent } from "@/components/ui/dialog";
import { FormError } from "@/components/ui/field";
import { notify } from "@/components/ui/toaster";

export interface ConfirmDialogProps {
  title: string;
  description: string;
  /** The confirm button, and what it says while the action runs. */
  confirmLabel: string;
  pendingLabel: string;
  /** The toast after success, and the title of the one after a refusal. */
  successMessage: string;
  failureTitle: string;
  run: () => Promise<{ ok: true } | { ok: false; error: string }>;
  onClosed: () => void;
  returnFocus: () => void;
}

export function ConfirmDialog({ title, description, confirmLabel, pendingLabel, successMessage, failureTitle, run, onClosed, returnFocus }: ConfirmDialogProps) {
  const [error, setError] = useState<string>();
  const [pending, start] = useTransition();
  const close = () => (setError(undefined), onClosed());
  return (
    <Dialog open onOpenChange={(o) => !o && !pending && close()}>
      <DialogContent onCloseAutoFocus={(e) => (e.preventDefault(), returnFocus())} title={title} description={description}>
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
                const res = await run();
                if (res.ok) {
                  close();
                  notify.success(successMessage);
                } else {
                  setError(res.error);
                  notify.error(failureTitle, res.error);
                }
              })
            }
          >
            {pending ? pendingLabel : confirmLabel}
          </Button>
        </div>
      </DialogContent>
    </Dialog>
  );
}
