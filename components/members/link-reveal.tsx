"use client";
// The show-once view of a one-time link (an invitation or a password reset):
// the link with a copy button, how long it works, and a close that must be
// confirmed (useSecretDialog), like a client secret. The link lives only in
// this component's props, from the action's result.
import { formatDateTime } from "@/components/ui/format";
import { SecretDialogFooter, SecretField, ShowOnceWarning } from "@/components/api-clients/credentials-reveal";
import type { SecretDialog } from "@/components/api-clients/use-secret-dialog";

export interface IssuedLink {
  url: string;
  expiresAt: Date | string;
  lifetime: string;
  /** The link is also on its way by email (the server has a mail server). */
  emailed?: boolean;
}

const LINK_CLOSE = {
  question: "Have you copied the link?",
  consequence: "Once you close this dialog, the link cannot be shown again.",
  leavingConsequence: "Once you leave this page, the link cannot be shown again.",
  confirm: "I have copied the link",
};

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
  dialog: Pick<SecretDialog<unknown>, "confirming" | "leaving" | "requestClose" | "cancelClose" | "confirmClose">;
}) {
  return (
    <div className="space-y-4" data-testid="link-reveal">
      {issued.emailed && (
        <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-900 ring-1 ring-emerald-200">
          <strong className="font-semibold">Link sent by email.</strong> If it does not arrive, copy the link below and
          pass it on yourself; failed emails are listed on the Organization page, Email tab.
        </p>
      )}
      <ShowOnceWarning>
        <strong className="font-semibold">Copy the link now.</strong> It is stored only as a hash and will not be shown
        again. Send it over a channel you trust: whoever holds it can use it.
      </ShowOnceWarning>
      <SecretField label={label} value={issued.url} emphasis />
      <p className="text-sm text-slate-600 [overflow-wrap:anywhere]">
        {instructions} It works once, for {issued.lifetime}: until {formatDateTime(issued.expiresAt)}.
      </p>
      <SecretDialogFooter dialog={dialog} texts={LINK_CLOSE} />
    </div>
  );
}
