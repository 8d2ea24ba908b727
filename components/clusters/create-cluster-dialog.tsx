"use client";
import { useEffect, useState } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { Field, FormError, inputClass } from "@/components/ui/field";
import { type FormAction, useFormAction, useResultToast } from "@/components/ui/use-form-action";
import type { ActionResult } from "@/lib/auth/authed-action";
import { ClusterAddressFields } from "@/components/clusters/cluster-address-fields";
import { CountedInput } from "@/components/ui/counted-input";
import { CLUSTER_NAME_MAX } from "@/lib/clusters/schemas";

export function CreateClusterDialog({ regions, action }: { regions: string[]; action: FormAction<ActionResult<{ id: string }>> }) {
  const [open, setOpen] = useState(false);
  const [state, onSubmit, pending] = useFormAction(action);
  const router = useRouter();
  const fe = state && !state.ok ? state.fieldErrors : undefined;

  useResultToast(state, { success: () => "Cluster created", failure: "The cluster was not created" });
  useEffect(() => {
    if (state?.ok) router.push(`/clusters/${state.data.id}`);
  }, [state, router]);

  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button>Create cluster</Button>
      </DialogTrigger>
      <DialogContent title="Create cluster" description="Name the cluster, choose where it runs, and optionally register its real addresses.">
        <form onSubmit={onSubmit} className="space-y-4" noValidate>
          {state && !state.ok && !fe && <FormError message={state.error} />}
          <Field label="Cluster name" errors={fe?.name}>
            {(p) => <CountedInput {...p} max={CLUSTER_NAME_MAX} name="name" required autoComplete="off" autoFocus />}
          </Field>
          <Field label="Region" errors={fe?.region}>
            {(p) => (
              <select {...p} name="region" className={inputClass} defaultValue={regions[0]}>
                {regions.map((r) => (
                  <option key={r} value={r}>
                    {r}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <ClusterAddressFields errors={fe} />
          <div className="flex justify-end gap-2 pt-2">
            <DialogClose asChild>
              <Button variant="secondary">Cancel</Button>
            </DialogClose>
            <Button type="submit" disabled={pending || state?.ok}>
              {pending ? "Creating…" : "Create cluster"}
            </Button>
          </div>
        </form>
      </DialogContent>
    </Dialog>
  );
}
