"use client";
// Owners and admins register a cluster's real addresses, change them, or go
// back to the derived ones. The Overview, snippets and credential files follow.
import { useEffect, useState } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { FormError } from "@/components/ui/field";
import { type FormAction, useFormAction } from "@/components/ui/use-form-action";
import type { ActionResult } from "@/lib/auth/authed-action";
import { ClusterAddressFields, type AddressDefaults } from "@/components/clusters/cluster-address-fields";

export function EditClusterAddressesDialog({
  clusterId,
  defaults,
  action,
}: {
  clusterId: string;
  defaults: AddressDefaults;
  action: FormAction<ActionResult<{ id: string }>>;
}) {
  const [open, setOpen] = useState(false);
  const [state, onSubmit, pending] = useFormAction(action);
  const router = useRouter();
  const fe = state && !state.ok ? state.fieldErrors : undefined;

  useEffect(() => {
    if (state?.ok) {
      setOpen(false);
      router.refresh();
    }
  }, [state, router]);

  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="secondary">Edit addresses</Button>
      </DialogTrigger>
      <DialogContent
        title="Cluster addresses"
        description="Where this cluster's clients connect. Snippets and credential files downloaded afterwards use these addresses."
      >
        {/* A fresh form per opening, so it starts from the saved addresses. */}
        <form key={String(open)} onSubmit={onSubmit} className="space-y-4" noValidate>
          <input type="hidden" name="clusterId" value={clusterId} />
          {state && !state.ok && !fe && <FormError message={state.error} />}
          <ClusterAddressFields defaults={defaults} errors={fe} />
          <div className="flex justify-end gap-2 pt-2">
            <DialogClose asChild>
              <Button variant="secondary">Cancel</Button>
            </DialogClose>
            <Button type="submit" disabled={pending}>
              {pending ? "Saving…" : "Save addresses"}
            </Button>
          </div>
        </form>
      </DialogContent>
    </Dialog>
  );
}
