"use client";
// What happens to the current secret when a new one is issued: the choice
// both rotate dialogs (a cluster's API client, Administration API
// credentials) offer, posted as `grace`. A grace period is preselected;
// revoking the old secret at once breaks every application still using it,
// so that choice asks a second time before the form is sent.
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { DialogClose } from "@/components/ui/dialog";
import type { RotationGrace } from "@/lib/api-clients/schemas";

const GRACE_OPTIONS: { value: RotationGrace; label: string; hint: string }[] = [
  { value: "1h", label: "Keep it valid for 1 hour", hint: "" },
  { value: "24h", label: "Keep it valid for 24 hours", hint: "Time to redeploy applications with the new secret." },
  { value: "7d", label: "Keep it valid for 7 days", hint: "" },
  { value: "now", label: "Revoke the old secret now", hint: "Applications using it fail at once. Use this if it leaked." },
];

export const DEFAULT_GRACE: RotationGrace = "24h";

/** The choice and the "revoke now?" question, for one rotate form. */
export function useGraceChoice(initial: RotationGrace = DEFAULT_GRACE) {
  const [grace, setGrace] = useState<RotationGrace>(initial);
  const [askingNow, setAskingNow] = useState(false);
  return {
    grace,
    askingNow,
    choose(g: RotationGrace) {
      setGrace(g);
      setAskingNow(false);
    },
    cancelNow: () => setAskingNow(false),
    /** Wraps the form's submit: "now" is sent only from the question's own button. */
    guard(submit: (e: React.FormEvent<HTMLFormElement>) => void) {
      return (e: React.FormEvent<HTMLFormElement>) => {
        if (grace === "now" && !askingNow) {
          e.preventDefault();
          setAskingNow(true);
          return;
        }
        submit(e);
      };
    },
  };
}

export type GraceChoice = ReturnType<typeof useGraceChoice>;

export function GracePeriodChoice({ choice }: { choice: GraceChoice }) {
  return (
    <fieldset>
      <legend className="text-sm font-medium text-slate-800">What happens to the current secret?</legend>
      <div className="mt-2 space-y-2">
        {GRACE_OPTIONS.map((o) => (
          <label
            key={o.value}
            className="flex cursor-pointer gap-3 rounded-lg px-3 py-2.5 ring-1 ring-slate-200 hover:bg-slate-50 has-[:checked]:bg-brand-50/60 has-[:checked]:ring-brand-500"
          >
            <input
              type="radio"
              name="grace"
              value={o.value}
              checked={choice.grace === o.value}
              onChange={() => choice.choose(o.value)}
              aria-labelledby={`grace-${o.value}`}
              aria-describedby={o.hint ? `grace-${o.value}-hint` : undefined}
              className="mt-0.5 size-4 accent-brand-500"
            />
            <span>
              <span id={`grace-${o.value}`} className="block text-sm font-medium text-slate-900">{o.label}</span>
              {o.hint && <span id={`grace-${o.value}-hint`} className="block text-xs text-slate-500">{o.hint}</span>}
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** Cancel and "Rotate secret", or, for "now", the question that must be answered first. */
export function RotateFormButtons({ choice, pending, done }: { choice: GraceChoice; pending: boolean; done: boolean }) {
  if (choice.askingNow) {
    return (
      <div role="alertdialog" aria-labelledby="rotate-now-title" aria-describedby="rotate-now-consequence" className="rounded-lg bg-red-50 px-4 py-3 text-sm text-slate-900 ring-1 ring-red-200">
        <p id="rotate-now-title" className="font-medium">Revoke the old secret now?</p>
        <p id="rotate-now-consequence" className="mt-0.5 text-slate-700">
          Every application still using it fails at once, until it runs with the new secret. A grace period avoids
          that, unless the old secret leaked.
        </p>
        <div className="mt-3 flex flex-wrap justify-end gap-2">
          <Button type="button" variant="secondary" size="sm" onClick={choice.cancelNow} autoFocus>
            Choose a grace period
          </Button>
          <Button type="submit" variant="danger" size="sm" disabled={pending || done}>
            {pending ? "Rotating…" : "Revoke now and rotate"}
          </Button>
        </div>
      </div>
    );
  }
  return (
    <div className="flex justify-end gap-2 pt-1">
      <DialogClose asChild>
        <Button variant="secondary">Cancel</Button>
      </DialogClose>
      <Button type="submit" disabled={pending || done}>
        {pending ? "Rotating…" : "Rotate secret"}
      </Button>
    </div>
  );
}
