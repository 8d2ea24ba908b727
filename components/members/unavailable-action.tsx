"use client";
// A row action that does not apply to this row (your own password, the only
// owner), shown disabled with the reason beside it, so it is clear before
// anyone clicks rather than refused after a confirmation.
import { useId } from "react";
import { Button } from "@/components/ui/button";

export function UnavailableAction({ label, ariaLabel, reason }: { label: string; ariaLabel: string; reason: React.ReactNode }) {
  const id = useId();
  return (
    <span className="inline-flex max-w-60 flex-col items-end text-right max-md:items-start max-md:text-left">
      <Button variant="ghost" size="sm" disabled aria-label={ariaLabel} aria-describedby={id}>
        {label}
      </Button>
      <span id={id} className="px-2.5 text-xs text-slate-600">
        {reason}
      </span>
    </span>
  );
}
