"use client";
// Owners and admins register a cluster's real addresses, change them, or go
// back to the derived ones. The Overview, snippets and credential files follow.
import { Button } from "@/components/ui/button";
import { FormDialog } from "@/components/ui/form-dialog";
import type { FormAction } from "@/components/ui/use-form-action";
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
  return (
    <FormDialog
      trigger={<Button variant="secondary">Edit addresses</Button>}
      title="Cluster addresses"
      description="Where this cluster's clients connect. Snippets and credential files downloaded afterwards use these addresses."
      action={action}
      hidden={{ clusterId }}
      submitLabel="Save addresses"
      pendingLabel="Saving…"
    >
      {(fe) => <ClusterAddressFields defaults={defaults} errors={fe} />}
    </FormDialog>
  );
}
