"use client";
// A client's page: its Edit, Rotate secret, Revoke and Delete buttons,
// opening the very dialogs the API tab's row menus open (one owner each).
// A revoked client offers only Delete; after it, the page leaves for the list.
import { useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import type { ClientRowActions } from "./api-clients-table";
import { RotateSecretDialog } from "./rotate-secret-dialog";
import { RevokeClientDialog } from "./revoke-client-dialog";
import { DeleteClientDialog } from "./delete-client-dialog";
import { EditClientDialog, type EditTarget } from "./edit-client-dialog";
import type { ClusterConnection } from "./types";
import type { TokenPolicyLimits } from "./token-policy-fields";

type Open = "edit" | "rotate" | "revoke" | "delete" | null;

export function ClientPageActions({
  clusterId,
  client,
  revoked,
  connection,
  actions,
  tokenTtlSeconds,
  maxSecretAgeDays,
  listHref,
  tokenPolicy,
}: {
  clusterId: string;
  client: EditTarget;
  revoked: boolean;
  connection: ClusterConnection;
  actions: ClientRowActions;
  tokenTtlSeconds: number;
  maxSecretAgeDays: number | null;
  /** Where the page goes once the client is deleted. */
  listHref: string;
  /** The edit dialog's token lifetime and rate limit fields. */
  tokenPolicy?: TokenPolicyLimits;
}) {
  const router = useRouter();
  const [open, setOpen] = useState<Open>(null);
  const opener = useRef<HTMLButtonElement | null>(null);
  const show = (which: Exclude<Open, null>) => (e: React.MouseEvent<HTMLButtonElement>) => {
    opener.current = e.currentTarget;
    setOpen(which);
  };
  const closed = () => setOpen(null);
  const returnFocus = () => {
    if (opener.current?.isConnected) opener.current.focus();
  };
  const target = { clientId: client.clientId, name: client.name };
  return (
    <div className="flex flex-wrap gap-2">
      {!revoked && actions.updateAction && (
        <Button variant="secondary" size="sm" aria-haspopup="dialog" onClick={show("edit")}>
          Edit
        </Button>
      )}
      {!revoked && (
        <Button variant="secondary" size="sm" aria-haspopup="dialog" onClick={show("rotate")}>
          Rotate secret
        </Button>
      )}
      {!revoked && (
        <Button variant="danger" size="sm" aria-haspopup="dialog" onClick={show("revoke")}>
          Revoke
        </Button>
      )}
      {revoked && actions.deleteAction && (
        <Button variant="danger" size="sm" aria-haspopup="dialog" onClick={show("delete")}>
          Delete
        </Button>
      )}
      <RotateSecretDialog
        clusterId={clusterId}
        target={open === "rotate" ? target : null}
        onClosed={closed}
        returnFocus={returnFocus}
        connection={connection}
        rotateAction={actions.rotateAction}
        maxSecretAgeDays={maxSecretAgeDays}
      />
      <RevokeClientDialog clusterId={clusterId} target={open === "revoke" ? target : null} onClosed={closed} returnFocus={returnFocus} revokeAction={actions.revokeAction} />
      {actions.updateAction && (
        <EditClientDialog
          clusterId={clusterId}
          target={open === "edit" ? client : null}
          onClosed={closed}
          returnFocus={returnFocus}
          updateAction={actions.updateAction}
          tokenTtlSeconds={tokenTtlSeconds}
          policy={tokenPolicy}
        />
      )}
      {actions.deleteAction && (
        <DeleteClientDialog
          clusterId={clusterId}
          target={open === "delete" ? target : null}
          onClosed={closed}
          returnFocus={returnFocus}
          deleteAction={actions.deleteAction}
          onDone={() => router.push(listHref)}
        />
      )}
    </div>
  );
}
