"use client";
// State of a dialog that ends by showing a secret once (create, rotate).
// While the secret is shown, every way of closing (Done, Escape, a click
// outside) first asks "have you saved it?"; only a confirmed close drops the
// secret from memory. The browser's Back asks the same (useLeaveGuard) and,
// once confirmed, leaves the page. Works uncontrolled (own trigger) or controlled by a
// parent that opens it for a chosen row.
import { useState } from "react";
import { useLeaveGuard } from "./use-leave-guard";
import type { IssuedSecret } from "./types";

export function useSecretDialog<T = IssuedSecret>(control?: { open: boolean; onClose: () => void }) {
  const [ownOpen, setOwnOpen] = useState(false);
  const [issued, setIssued] = useState<T | null>(null);
  const [confirming, setConfirming] = useState(false);
  // The confirmation was asked by the browser's Back: confirming leaves the page.
  const [leaving, setLeaving] = useState(false);
  // A new key per opening gives the form fresh state (no stale errors).
  const [formKey, setFormKey] = useState(0);
  const guard = useLeaveGuard(issued !== null, () => {
    setLeaving(true);
    setConfirming(true);
  });

  const reset = () => {
    setIssued(null);
    setConfirming(false);
    setLeaving(false);
    setFormKey((k) => k + 1);
    if (control) control.onClose();
    else setOwnOpen(false);
  };

  return {
    open: control ? control.open : ownOpen,
    issued,
    confirming,
    leaving,
    formKey,
    /** For Radix `onOpenChange`. */
    onOpenChange(next: boolean) {
      if (next) setOwnOpen(true);
      else if (issued) setConfirming(true);
      else reset();
    },
    onIssued: (s: T) => setIssued(s),
    requestClose: () => setConfirming(true),
    cancelClose: () => {
      setConfirming(false);
      setLeaving(false);
    },
    confirmClose: () => {
      if (leaving) guard.leaveOnRelease();
      reset();
    },
  };
}

export type SecretDialog<T = IssuedSecret> = ReturnType<typeof useSecretDialog<T>>;
