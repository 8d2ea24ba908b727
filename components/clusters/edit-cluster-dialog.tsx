"use client";
// Owners and admins rename a cluster and say what it is for. Names are unique
// in the organization ignoring case; the server says which cluster has it.
import { useEffect, useState } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { Field, FormError, inputClass } from "@/components/ui/field";
import { CountedInput } from "@/components/ui/counted-input";
import { type FormAction, useFormAction, useResultToast } from "@/components/ui/use-form-action";
import type { ActionResult } from "@/lib/auth/authed-action";
import { CLUSTER_DESCRIPTION_MAX, CLUSTER_NAME_MAX } from "@/lib/clusters/schemas";

export function EditClusterDialog({
  cluster,
  action,
}: {
  cluster: { id: string; name: string; description: string };
  action: FormAction<ActionResult<{ id: string; name: string; changed: string[] }>>;
}) {
  const [open, setOpen] = useState(false);
  const [state, onSubmit, pending] = useFormAction(action);
  const router = useRouter();
  const fe = state && !state.ok ? state.fieldErrors : undefined;
  useResultToast(state, {
    success: (d) => (d.changed.length ? `Cluster “${d.name}” saved` : "Nothing to change"),
    failure: "The cluster was not changed",
  });
  useEffect(() => {
    if (state?.ok) {
      setOpen(false);
      router.refresh();
    }
  }, [state, router]);

  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="secondary">Rename</Button>
      </DialogTrigger>
      <DialogContent
        title="Rename cluster"
        description="The cluster ID, its addresses and its clients stay the same. Names are unique in your organization, ignoring case."
      >
        {/* A fresh form per opening, so it starts from the saved values. */}
        <form key={String(open)} onSubmit={onSubmit} className="space-y-4" noValidate>
          <input type="hidden" name="clusterId" value={cluster.id} />
          {state && !state.ok && !fe && <FormError message={state.error} />}
          <Field label="Cluster name" errors={fe?.name}>
            {(p) => <CountedInput {...p} max={CLUSTER_NAME_MAX} name="name" defaultValue={cluster.name} required autoComplete="off" />}
          </Field>
          <Field label="Description" hint={`Optional: what the cluster is for. Up to ${CLUSTER_DESCRIPTION_MAX} characters.`} errors={fe?.description}>
            {(p) => (
              <textarea
                {...p}
                name="description"
                defaultValue={cluster.description}
                maxLength={CLUSTER_DESCRIPTION_MAX}
                rows={3}
                placeholder="e.g. Order processing for the EU shops"
                className={inputClass}
              />
            )}
          </Field>
          <div className="flex justify-end gap-2 pt-2">
            <DialogClose asChild>
              <Button variant="secondary">Cancel</Button>
            </DialogClose>
            <Button type="submit" disabled={pending}>
              {pending ? "Saving…" : "Save"}
            </Button>
          </div>
        </form>
      </DialogContent>
    </Dialog>
  );
}
