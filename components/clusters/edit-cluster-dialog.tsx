"use client";
// Owners and admins rename a cluster and say what it is for. Names are unique
// in the organization ignoring case; the server says which cluster has it.
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { CountedInput } from "@/components/ui/counted-input";
import { FormDialog } from "@/components/ui/form-dialog";
import type { FormAction } from "@/components/ui/use-form-action";
import type { ActionResult } from "@/lib/auth/authed-action";
import { CLUSTER_DESCRIPTION_MAX, CLUSTER_NAME_MAX } from "@/lib/clusters/schemas";

export function EditClusterDialog({
  cluster,
  action,
}: {
  cluster: { id: string; name: string; description: string };
  action: FormAction<ActionResult<{ id: string; name: string; changed: string[] }>>;
}) {
  return (
    <FormDialog
      trigger={<Button variant="secondary">Rename</Button>}
      title="Rename cluster"
      description="The cluster ID, its addresses and its clients stay the same. Names are unique in your organization, ignoring case."
      action={action}
      toast={{
        success: (d) => (d.changed.length ? `Cluster “${d.name}” saved` : "Nothing to change"),
        failure: "The cluster was not changed",
      }}
      hidden={{ clusterId: cluster.id }}
      submitLabel="Save"
      pendingLabel="Saving…"
    >
      {(fe) => (
        <>
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
        </>
      )}
    </FormDialog>
  );
}
