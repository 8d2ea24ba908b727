"use client";
// Withdraw an open password-reset link (owners, "Open password-reset links"), after a confirmation.
import { useRouter } from "next/navigation";
import { ConfirmButton } from "@/components/ui/confirm-dialog";
import type { ActionInput, ActionResult } from "@/lib/auth/authed-action";

type ResetAction = (prev: unknown, input: ActionInput) => Promise<ActionResult<unknown>>;

export function RevokeResetLinkButton({ resetId, name, action }: { resetId: string; name: string; action: ResetAction }) {
  const router = useRouter();
  return (
    <ConfirmButton
      label="Withdraw"
      ariaLabel={`Withdraw the password-reset link for ${name}`}
      title={`Withdraw the password-reset link for ${name}?`}
      description="The link stops working at once. Their password does not change."
      confirmLabel="Withdraw link"
      pendingLabel="Withdrawing…"
      successMessage={`Reset link for ${name} withdrawn`}
      failureTitle="The link was not withdrawn"
      run={() => action(undefined, { resetId })}
      onDone={() => router.refresh()}
    />
  );
}
