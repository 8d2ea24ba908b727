"use client";
// The organization's Administration API credentials: name, client ID,
// permissions, secret hint, created, last used, status; rotate and revoke for
// owners and admins (one dialog each for the whole table). No secret, hints only.
import { useRef, useState } from "react";
import type { AdminClientView } from "@/lib/api-clients/list-admin-clients";
import type { ActionInput, ActionResult } from "@/lib/auth/authed-action";
import { Button } from "@/components/ui/button";
import { Table, TBody, THead, Td, Th, Tr } from "@/components/ui/table";
import { CopyButton } from "@/components/ui/copy-button";
import { formatDateTime } from "@/components/ui/format";
import { SecretHint, StatusBadge } from "@/components/api-clients/client-badges";
import { RevokeClientDialog } from "@/components/api-clients/revoke-client-dialog";
import { EndGracePeriodDialog, type EndGraceActionFn } from "@/components/api-clients/end-grace-period-dialog";
import type { FormActionFn } from "@/components/api-clients/types";
import { PermissionBadges } from "./permission-badges";
import { RotateAdminSecretDialog } from "./rotate-admin-secret-dialog";
import type { AdminApiEndpoints, IssuedAdminSecret } from "./types";

export interface AdminClientActions {
  rotateAction: FormActionFn<IssuedAdminSecret>;
  revokeAction: (prev: unknown, input: ActionInput) => Promise<ActionResult<{ clientId: string; revokedAt: Date }>>;
  endGraceAction: EndGraceActionFn;
}

type Target = { clientId: string; name: string } | null;
type Dialog = "rotate" | "endGrace" | "revoke";

export function AdminClientsTable({
  clients,
  endpoints,
  actions,
}: {
  clients: AdminClientView[];
  endpoints: AdminApiEndpoints;
  /** Absent for members who may only view the list. */
  actions?: AdminClientActions;
}) {
  const [rotating, setRotating] = useState<Target>(null);
  const [revoking, setRevoking] = useState<Target>(null);
  const [endingGrace, setEndingGrace] = useState<{ clientId: string; name: string; previousSecretExpiresAt: Date | null } | null>(null);
  const opener = useRef<HTMLButtonElement | null>(null);
  const returnFocus = () => {
    if (opener.current?.isConnected) opener.current.focus();
  };
  const open = (dialog: Dialog, c: AdminClientView, button: HTMLButtonElement) => {
    opener.current = button;
    const target = { clientId: c.clientId, name: c.name };
    if (dialog === "rotate") setRotating(target);
    else if (dialog === "revoke") setRevoking(target);
    else setEndingGrace({ ...target, previousSecretExpiresAt: c.previousSecretExpiresAt });
  };
  return (
    <>
      {/* The shared table: a table from `md` up, one card per credential below (Rotate and Revoke on the card). */}
      <Table tableClassName="md:min-w-[56rem]">
        <THead>
          <Th>Credentials</Th>
          <Th>Permissions</Th>
          <Th>Secret</Th>
          <Th>Created</Th>
          <Th>Last used</Th>
          <Th>Status</Th>
          {actions && (
            <Th>
              <span className="sr-only">Actions</span>
            </Th>
          )}
        </THead>
        <TBody>
          {clients.map((c) => (
            <AdminClientRow key={c.clientId} client={c} onOpen={actions ? open : undefined} />
          ))}
        </TBody>
      </Table>
      {actions && (
        <>
          <RotateAdminSecretDialog target={rotating} onClosed={() => setRotating(null)} returnFocus={returnFocus} endpoints={endpoints} rotateAction={actions.rotateAction} />
          {/* The cluster clients' revoke confirmation; the admin action ignores clusterId. */}
          <RevokeClientDialog clusterId="" target={revoking} onClosed={() => setRevoking(null)} returnFocus={returnFocus} revokeAction={actions.revokeAction} />
          <EndGracePeriodDialog clusterId="" target={endingGrace} onClosed={() => setEndingGrace(null)} returnFocus={returnFocus} endGraceAction={actions.endGraceAction} />
        </>
      )}
    </>
  );
}

/** One credential: a table row from `md` up, a card below. `onOpen` (owners and admins) adds Rotate, End grace period and Revoke. */
function AdminClientRow({ client: c, onOpen }: { client: AdminClientView; onOpen?: (dialog: Dialog, c: AdminClientView, button: HTMLButtonElement) => void }) {
  const revoked = c.status === "revoked";
  return (
    <Tr data-client-id={c.clientId} className={revoked ? "md:bg-slate-50/60" : "md:hover:bg-slate-50/60"}>
      <Td wide className="md:max-w-[20rem]">
        <span className={`block truncate font-medium ${revoked ? "text-slate-500 line-through decoration-slate-300" : "text-slate-900"}`} title={c.name}>
          {c.name}
        </span>
        <span className="mt-1 flex min-w-0 items-center gap-1.5">
          <code className="truncate font-mono text-xs text-slate-600">{c.clientId}</code>
          <CopyButton value={c.clientId} label={`client ID of ${c.name}`} className="px-1.5 py-0.5 text-[11px]" />
        </span>
      </Td>
      <Td label="Permissions" wide className="md:w-[16rem]"><PermissionBadges permissions={c.permissions} /></Td>
      <Td label="Secret"><SecretHint hint={c.secretHint} /></Td>
      <Td label="Created" className="text-slate-600 md:whitespace-nowrap">
        {formatDateTime(c.createdAt)}
        <span className="block truncate text-xs text-slate-600 md:max-w-[12rem]">by {c.createdByEmail}</span>
      </Td>
      <Td label="Last used" className="text-slate-600 md:whitespace-nowrap">
        {c.lastUsedAt ? formatDateTime(c.lastUsedAt) : "Never"}
      </Td>
      <Td label="Status">
        <StatusBadge status={c.status} previousSecretExpiresAt={c.previousSecretExpiresAt} revokedAt={c.revokedAt} revokedByEmail={c.revokedByEmail} />
      </Td>
      {onOpen && (
        <Td wide className="whitespace-nowrap md:py-2.5 md:text-right">
          {!revoked && (
            <div className="flex gap-2 max-md:border-t max-md:border-slate-100 max-md:pt-3 md:justify-end md:gap-0">
              <Button variant="ghost" size="sm" aria-label={`Rotate secret of ${c.name}`} aria-haspopup="dialog" onClick={(e) => onOpen("rotate", c, e.currentTarget)}>
                Rotate
              </Button>
              {c.status === "rotating" && (
                <Button variant="ghost" size="sm" aria-label={`End grace period of ${c.name} now`} aria-haspopup="dialog" onClick={(e) => onOpen("endGrace", c, e.currentTarget)}>
                  End grace period
                </Button>
              )}
              <Button variant="ghost" size="sm" aria-label={`Revoke ${c.name}`} aria-haspopup="dialog" onClick={(e) => onOpen("revoke", c, e.currentTarget)} className="text-red-700 hover:bg-red-50">
                Revoke
              </Button>
            </div>
          )}
        </Td>
      )}
    </Tr>
  );
}
