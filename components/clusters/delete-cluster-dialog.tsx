"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { Field, inputClass } from "@/components/ui/field";
import { DialogForm, useDialogForm } from "@/components/ui/form-dialog";
import { type FormAction, useResultToast } from "@/components/ui/use-form-action";
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
  const form = useDialogForm(action);
  // Success redirects to the list, which shows its own toast.
  useResultToast(form.state, { success: () => "Cluster deleted", failure: "The cluster was not deleted" });

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
        <DialogForm
          form={form}
          hidden={{ clusterId }}
          submitLabel="Delete cluster"
          pendingLabel="Deleting…"
          submitVariant="danger"
          submitDisabled={typed !== clusterName}
        >
          <Field label="Cluster name" errors={form.fieldErrors?.confirmName}>
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
        </DialogForm>
      </DialogContent>
    </Dialog>
  );
}
