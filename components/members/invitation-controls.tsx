"use client";
// Withdraw a pending invitation (its link stops working), after a confirmation.
import { useRouter } from "next/navigation";
import { ConfirmButton } from "@/components/ui/confirm-dialog";
import type { ActionInput, ActionResult } from "@/lib/auth/authed-action";

type InvitationAction = (prev: unknown, input: ActionInput) => Promise<ActionResult<unknown>>;

export function RevokeInvitationButton({ invitationId, email, action }: { invitationId: string; email: string; action: InvitationAction }) {
  const router = useRouter();
  return (
    <ConfirmButton
      label="Revoke"
      ariaLabel={`Revoke the invitation for ${email}`}
      title={`Revoke the invitation for ${email}?`}
      description="The link stops working at once. You can invite them again later."
      confirmLabel="Revoke invitation"
      pendingLabel="Revoking…"
      successMessage={`Invitation for ${email} revoked`}
      failureTitle="The invitation was not revoked"
      run={() => action(undefined, { invitationId })}
      onDone={() => router.refresh()}
    />
  );
}
