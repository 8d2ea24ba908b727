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
  rotateOnOpen,
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
  /** Open the rotate dialog at once (the link in an expiry notice: ?rotate=1). */
  rotateOnOpen?: boolean;
}) {
  const router = useRouter();
  const [open, setOpen] = useState<Open>(rotateOnOpen && !revoked ? "rotate" : null);
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
      {clientButtons(revoked, actions).map((b) => (
        <Button key={b.open} variant={b.variant} size="sm" aria-haspopup="dialog" onClick={show(b.open)}>
          {b.label}
        </Button>
      ))}
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

/** The buttons a client's page shows, in order: a live client's Edit (with its action), Rotate secret and Revoke; a revoked one's Delete (with its action). */
function clientButtons(revoked: boolean, actions: ClientRowActions): { open: Exclude<Open, null>; label: string; variant: "secondary" | "danger" }[] {
  if (revoked) return actions.deleteAction ? [{ open: "delete", label: "Delete", variant: "danger" }] : [];
  return [
    ...(actions.updateAction ? [{ open: "edit" as const, label: "Edit", variant: "secondary" as const }] : []),
    { open: "rotate", label: "Rotate secret", variant: "secondary" },
    { open: "revoke", label: "Revoke", variant: "danger" },
  ];
}
