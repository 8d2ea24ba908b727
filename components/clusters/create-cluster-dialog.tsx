"use client";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { FormDialog } from "@/components/ui/form-dialog";
import type { FormAction } from "@/components/ui/use-form-action";
import type { ActionResult } from "@/lib/auth/authed-action";
import { ClusterAddressFields } from "@/components/clusters/cluster-address-fields";
import { CountedInput } from "@/components/ui/counted-input";
import { CLUSTER_NAME_MAX } from "@/lib/clusters/schemas";

export function CreateClusterDialog({ regions, action }: { regions: string[]; action: FormAction<ActionResult<{ id: string }>> }) {
  const router = useRouter();
  return (
    <FormDialog
      trigger={<Button>Create cluster</Button>}
      title="Create cluster"
      description="Name the cluster, choose where it runs, and optionally register its real addresses."
      action={action}
      toast={{ success: () => "Cluster created", failure: "The cluster was not created" }}
      then={(d) => router.push(`/clusters/${d.id}`)}
      submitLabel="Create cluster"
      pendingLabel="Creating…"
    >
      {(fe) => (
        <>
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
        </>
      )}
    </FormDialog>
  );
}
