"use client";
// The show-once view of a webhook signing secret (after adding an endpoint or
// rotating its secret), in the layout of every show-once dialog: the warning,
// the secret with a copy button, how to verify, and a confirmed close.
import { SecretDialogFooter, SecretField, ShowOnceWarning } from "@/components/api-clients/credentials-reveal";
import type { SecretDialog } from "@/components/api-clients/use-secret-dialog";

const SECRET_CLOSE = {
  question: "Have you saved the signing secret?",
  consequence: "Once you close this dialog, the secret cannot be shown again.",
  leavingConsequence: "Once you leave this page, the secret cannot be shown again.",
  confirm: "I have saved the secret",
};

export function WebhookSecretReveal({
  secret,
  note,
  dialog,
}: {
  secret: string;
  note?: React.ReactNode;
  dialog: Pick<SecretDialog<unknown>, "confirming" | "leaving" | "requestClose" | "cancelClose" | "confirmClose">;
}) {
  return (
    <div className="space-y-4" data-testid="webhook-secret-reveal">
      <ShowOnceWarning>
        <strong className="font-semibold">Copy the signing secret now.</strong> It will not be shown again. Your receiver
        uses it to verify that each request comes from this console.
      </ShowOnceWarning>
      <SecretField label="Signing secret" value={secret} emphasis />
      <p className="text-sm text-slate-600">
        Requests carry <code className="font-mono text-[13px]">webhook-id</code>,{" "}
        <code className="font-mono text-[13px]">webhook-timestamp</code> and{" "}
        <code className="font-mono text-[13px]">webhook-signature</code> (Standard Webhooks): any Standard Webhooks library
        verifies them with this secret. {note}
      </p>
      <SecretDialogFooter dialog={dialog} texts={SECRET_CLOSE} />
    </div>
  );
}
