"use client";
// "Reset password" on a member's row: a confirmation, then the reset link
// shown once (LinkReveal), for the admin to pass on over a safe channel.
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmFooter } from "@/components/ui/confirm-dialog";
import { notify } from "@/components/ui/toaster";
import { useSecretDialog } from "@/components/api-clients/use-secret-dialog";
import { ShowOnceDialog } from "@/components/api-clients/show-once-dialog";
import type { ActionInput, ActionResult } from "@/lib/auth/authed-action";
import { type IssuedLink, LinkReveal } from "./link-reveal";

type ResetAction = (prev: unknown, input: ActionInput) => Promise<ActionResult<IssuedLink & { name: string; email: string }>>;

export function ResetLinkDialog({ userId, name, action }: { userId: string; name: string; action: ResetAction }) {
  const d = useSecretDialog<IssuedLink & { name: string; email: string }>();
  const [error, setError] = useState<string>();
  const [pending, start] = useTransition();
  return (
    <ShowOnceDialog
      dialog={d}
      onOpenChange={() => setError(undefined)}
      trigger={
        <Button variant="ghost" size="sm" aria-label={`Reset password for ${name}`}>
          Reset password
        </Button>
      }
      title={`Reset password for ${name}?`}
      description="You get a link to send them. With it they choose a new password; their current password keeps working until then, and using the link signs them out everywhere else."
      issuedTitle={(i) => (i.emailed ? "Password-reset link sent" : "Password-reset link created")}
      issuedDescription={(i) => `For ${i.name} (${i.email}).`}
      reveal={(i) => (
        <LinkReveal issued={i} label="Password-reset link" instructions={<>Send it to {i.name}; any earlier reset link for them no longer works.</>} dialog={d} />
      )}
    >
      <ConfirmFooter
        error={error}
        pending={pending}
        label="Create reset link"
        pendingLabel="Creating link…"
        variant="primary"
        onConfirm={() =>
          start(async () => {
            const res = await action(undefined, { userId });
            if (res.ok) {
              d.onIssued(res.data);
              notify.success(`Password-reset link for ${name} created`);
            } else {
              setError(res.error);
              notify.error("No reset link was created", res.error);
            }
          })
        }
      />
    </ShowOnceDialog>
  );
}
