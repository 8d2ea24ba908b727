"use client";
// Owners remove the organization's single sign-on, after a confirmation.
import { useRouter } from "next/navigation";
import { ConfirmButton } from "@/components/ui/confirm-dialog";
import type { ActionResult } from "@/lib/auth/authed-action";

export function SsoRemoveButton({ action }: { action: (prev: unknown, input: { confirm: "remove" }) => Promise<ActionResult<{ removed: boolean }>> }) {
  const router = useRouter();
  return (
    <ConfirmButton
      label="Remove single sign-on"
      ariaLabel="Remove single sign-on"
      title="Remove single sign-on?"
      description="Members then sign in with a password only. Those who joined through the provider have none yet: an owner or admin sends them a password-reset link."
      confirmLabel="Remove"
      pendingLabel="Removing…"
      successMessage="Single sign-on removed."
      failureTitle="Single sign-on was not removed"
      run={() => action(undefined, { confirm: "remove" })}
      onDone={() => router.refresh()}
    />
  );
}
