"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { Field, FormError, inputClass } from "@/components/ui/field";
import { type FormAction, useFormAction, useResultToast } from "@/components/ui/use-form-action";
import type { ActionResult } from "@/lib/auth/authed-action";
import { clientCount } from "@/components/clusters/client-count";

export function DeleteClusterDialog({
  clusterId,
  clusterName,
  liveClients,
  action,
}: {
  clusterId: string;
  clusterName: string;
  /** Unrevoked API clients: they stop working when the cluster goes. */
  liveClients: number;
  action: FormAction<ActionResult<unknown>>;
}) {
  const [typed, setTyped] = useState("");
  const [state, onSubmit, pending] = useFormAction(action);
  const fe = state && !state.ok ? state.fieldErrors : undefined;
  // Success redirects to the list, which shows its own toast.
  useResultToast(state, { success: () => "Cluster deleted", failure: "The cluster was not deleted" });

  return (
    <Dialog onOpenChange={() => setTyped("")}>
      <DialogTrigger asChild>
        <Button variant="danger">Delete cluster</Button>
      </DialogTrigger>
      <DialogContent
        title="Delete cluster"
        description={
          <>
            This cannot be undone.{" "}
            {liveClients === 0 ? (
              "The cluster has no API clients."
            ) : (
              <strong className="font-semibold text-slate-900">{clientCount(liveClients)} stop working at once</strong>
            )}
            {liveClients > 0 && ": applications using them lose access."} Type{" "}
            <strong className="font-semibold text-slate-900">{clusterName}</strong> to confirm.
          </>
        }
      >
        <form onSubmit={onSubmit} className="space-y-4" noValidate>
          <input type="hidden" name="clusterId" value={clusterId} />
          {state && !state.ok && !fe && <FormError message={state.error} />}
          <Field label="Cluster name" errors={fe?.confirmName}>
            {(p) => (
              <input
                {...p}
                name="confirmName"
                value={typed}
                onChange={(e) => setTyped(e.target.value)}
                autoComplete="off"
                className={inputClass}
              />
            )}
          </Field>
          <div className="flex justify-end gap-2 pt-2">
            <DialogClose asChild>
              <Button variant="secondary">Cancel</Button>
            </DialogClose>
            <Button type="submit" variant="danger" disabled={typed !== clusterName || pending}>
              {pending ? "Deleting…" : "Delete cluster"}
            </Button>
          </div>
        </form>
      </DialogContent>
    </Dialog>
  );
}
