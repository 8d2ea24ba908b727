"use client";
// The show-once view of a one-time link (an invitation or a password reset):
// the link with a copy button, how long it works, and a close that must be
// confirmed (useSecretDialog), like a client secret. The link lives only in
// this component's props, from the action's result.
import { Button } from "@/components/ui/button";
import { formatDateTime } from "@/components/ui/format";
import { SecretField, WarningIcon } from "@/components/api-clients/credentials-reveal";
import type { SecretDialog } from "@/components/api-clients/use-secret-dialog";

export interface IssuedLink {
  url: string;
  expiresAt: Date | string;
  lifetime: string;
}

export function LinkReveal({
  issued,
  label,
  instructions,
  dialog,
}: {
  issued: IssuedLink;
  /** "Invitation link", "Password-reset link". */
  label: string;
  /** What to do with it, e.g. who to send it to. */
  instructions: React.ReactNode;
  dialog: Pick<SecretDialog<unknown>, "confirming" | "requestClose" | "cancelClose" | "confirmClose">;
}) {
  return (
    <div className="space-y-4" data-testid="link-reveal">
      <div role="alert" className="flex gap-3 rounded-lg bg-amber-50 px-3 py-2.5 text-sm text-amber-900 ring-1 ring-amber-200">
        <WarningIcon />
        <p>
          <strong className="font-semibold">Copy the link now.</strong> It is stored only as a hash and will not be shown
          again. Send it over a channel you trust: whoever holds it can use it.
        </p>
      </div>
      <SecretField label={label} value={issued.url} emphasis />
      <p className="text-sm text-slate-600 [overflow-wrap:anywhere]">
        {instructions} It works once, for {issued.lifetime}: until {formatDateTime(issued.expiresAt)}.
      </p>
      {dialog.confirming ? (
        <div role="alertdialog" aria-labelledby="confirm-close-link" className="rounded-lg bg-slate-900 px-4 py-3 text-sm text-white">
          <p id="confirm-close-link" className="font-medium">Have you copied the link?</p>
          <p className="mt-0.5 text-slate-300">Once you close this dialog, the link cannot be shown again.</p>
          <div className="mt-3 flex flex-wrap justify-end gap-2">
            <Button variant="secondary" size="sm" onClick={dialog.cancelClose} autoFocus>
              Keep it open
            </Button>
            <Button size="sm" onClick={dialog.confirmClose}>
              I have copied the link
            </Button>
          </div>
        </div>
      ) : (
        <div className="flex justify-end">
          <Button onClick={dialog.requestClose} className="max-sm:w-full">
            Done
          </Button>
        </div>
      )}
    </div>
  );
}
