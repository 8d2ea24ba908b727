"use client";
// A confirmation for one consequential action: says what will happen, runs
// the action on "confirm", closes and toasts on success, and keeps the dialog
// open with the action's error otherwise. ConfirmButton is the same behind a
// button of its own.
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
  /** Irreversible or access-removing actions are "danger" (the default). */
  confirmVariant?: "danger" | "primary";
  /** The toast after success, and the title of the one after a refusal. */
  successMessage: string;
  failureTitle: string;
  run: () => Promise<{ ok: true } | { ok: false; error: string }>;
  /** After success, once the dialog has closed (e.g. refresh the page's data). */
  onDone?: () => void;
  onClosed: () => void;
  /**
   * Where focus goes on close, when the element that opened the dialog may
   * have been re-rendered meanwhile (a table row's menu); by default it goes
   * back to the element focused before the dialog opened.
   */
  returnFocus?: () => void;
  /** More to decide before confirming (e.g. what to revoke with it), above the buttons. */
  children?: React.ReactNode;
}

export function ConfirmDialog(props: ConfirmDialogProps) {
  const { title, description, confirmLabel, pendingLabel, confirmVariant = "danger", successMessage, failureTitle, run, onDone, onClosed, returnFocus, children } = props;
  const [error, setError] = useState<string>();
  const [pending, start] = useTransition();
  const close = () => (setError(undefined), onClosed());
  return (
    <Dialog open onOpenChange={(o) => !o && !pending && close()}>
      <DialogContent
        onCloseAutoFocus={returnFocus ? (e) => (e.preventDefault(), returnFocus()) : undefined}
        title={title}
        description={description}
      >
        {children}
        <ConfirmFooter
          error={error}
          pending={pending}
          label={confirmLabel}
          pendingLabel={pendingLabel}
          variant={confirmVariant}
          onConfirm={() =>
            start(async () => {
              const res = await run();
              if (res.ok) {
                close();
                notify.success(successMessage);
                onDone?.();
              } else {
                setError(res.error);
                notify.error(failureTitle, res.error);
              }
            })
          }
        />
      </DialogContent>
    </Dialog>
  );
}

/** The action's error, Cancel, and the confirm button (disabled while the action runs). */
export function ConfirmFooter({
  error,
  pending,
  label,
  pendingLabel,
  variant = "danger",
  onConfirm,
}: {
  error: string | undefined;
  pending: boolean;
  label: string;
  pendingLabel: string;
  variant?: "danger" | "primary";
  onConfirm: () => void;
}) {
  return (
    <>
      <FormError message={error} className="mb-4" />
      <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
        <DialogClose asChild>
          <Button variant="secondary">Cancel</Button>
        </DialogClose>
        <Button variant={variant} disabled={pending} onClick={onConfirm}>
          {pending ? pendingLabel : label}
        </Button>
      </div>
    </>
  );
}

/** A small ghost button that opens a ConfirmDialog. */
export function ConfirmButton({
  label,
  ariaLabel,
  ...dialog
}: Omit<ConfirmDialogProps, "onClosed" | "returnFocus"> & { label: string; ariaLabel: string }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="ghost" size="sm" aria-label={ariaLabel} aria-haspopup="dialog" onClick={() => setOpen(true)}>
        {label}
      </Button>
      {open && <ConfirmDialog {...dialog} onClosed={() => setOpen(false)} />}
    </>
  );
}
