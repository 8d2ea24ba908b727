"use client";
// The organization's Administration API credentials: name, client ID,
// permissions, secret hint, created, last used, status; rotate and revoke for
// owners and admins (one dialog each for the whole table). No secret, hints only.
import { useRef, useState } from "react";
import type { AdminClientView } from "@/lib/api-clients/list-admin-clients";
import type { ActionInput, ActionResult } from "@/lib/auth/authed-action";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/page-header";
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
  return (
    <Card className="relative overflow-x-auto">
      <table className="w-full min-w-[56rem] text-left text-sm">
        <thead className="bg-slate-50 text-xs font-medium tracking-wide whitespace-nowrap text-slate-600 uppercase">
          <tr>
            <th scope="col" className="px-4 py-3">Credentials</th>
            <th scope="col" className="px-4 py-3">Permissions</th>
            <th scope="col" className="px-4 py-3">Secret</th>
            <th scope="col" className="px-4 py-3">Created</th>
            <th scope="col" className="px-4 py-3">Last used</th>
            <th scope="col" className="px-4 py-3">Status</th>
            {actions && <th scope="col" className="px-4 py-3"><span className="sr-only">Actions</span></th>}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {clients.map((c) => {
            const revoked = c.status === "revoked";
            const target = { clientId: c.clientId, name: c.name };
            return (
              <tr key={c.clientId} data-client-id={c.clientId} className={revoked ? "bg-slate-50/60" : "hover:bg-slate-50/60"}>
                <td className="max-w-[20rem] px-4 py-3 align-top">
                  <span className={`block truncate font-medium ${revoked ? "text-slate-500 line-through decoration-slate-300" : "text-slate-900"}`} title={c.name}>
                    {c.name}
                  </span>
                  <span className="mt-1 flex items-center gap-1.5">
                    <code className="truncate font-mono text-xs text-slate-600">{c.clientId}</code>
                    <CopyButton value={c.clientId} label={`client ID of ${c.name}`} className="px-1.5 py-0.5 text-[11px]" />
                  </span>
                </td>
                <td className="w-[16rem] px-4 py-3 align-top"><PermissionBadges permissions={c.permissions} /></td>
                <td className="px-4 py-3 align-top"><SecretHint hint={c.secretHint} /></td>
                <td className="px-4 py-3 align-top whitespace-nowrap text-slate-600">
                  {formatDateTime(c.createdAt)}
                  <span className="block max-w-[12rem] truncate text-xs text-slate-600">by {c.createdByEmail}</span>
                </td>
                <td className="px-4 py-3 align-top whitespace-nowrap text-slate-600">
                  {c.lastUsedAt ? formatDateTime(c.lastUsedAt) : <span className="text-slate-600">Never</span>}
                </td>
                <td className="px-4 py-3 align-top">
                  <StatusBadge status={c.status} previousSecretExpiresAt={c.previousSecretExpiresAt} revokedAt={c.revokedAt} revokedByEmail={c.revokedByEmail} />
                </td>
                {actions && (
                  <td className="px-4 py-2.5 text-right align-top whitespace-nowrap">
                    {!revoked && (
                      <>
                        <Button variant="ghost" size="sm" aria-label={`Rotate secret of ${c.name}`} aria-haspopup="dialog" onClick={(e) => {
                            opener.current = e.currentTarget;
                            setRotating(target);
                          }}>
                          Rotate
                        </Button>
                        {c.status === "rotating" && (
                          <Button variant="ghost" size="sm" aria-label={`End grace period of ${c.name} now`} aria-haspopup="dialog" onClick={(e) => {
                              opener.current = e.currentTarget;
                              setEndingGrace({ ...target, previousSecretExpiresAt: c.previousSecretExpiresAt });
                            }}>
                            End grace period
                          </Button>
                        )}
                        <Button variant="ghost" size="sm" aria-label={`Revoke ${c.name}`} aria-haspopup="dialog" onClick={(e) => {
                            opener.current = e.currentTarget;
                            setRevoking(target);
                          }} className="text-red-700 hover:bg-red-50">
                          Revoke
                        </Button>
                      </>
                    )}
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
      {actions && (
        <>
          <RotateAdminSecretDialog target={rotating} onClosed={() => setRotating(null)} returnFocus={returnFocus} endpoints={endpoints} rotateAction={actions.rotateAction} />
          {/* The cluster clients' revoke confirmation; the admin action ignores clusterId. */}
          <RevokeClientDialog clusterId="" target={revoking} onClosed={() => setRevoking(null)} returnFocus={returnFocus} revokeAction={actions.revokeAction} />
          <EndGracePeriodDialog clusterId="" target={endingGrace} onClosed={() => setEndingGrace(null)} returnFocus={returnFocus} endGraceAction={actions.endGraceAction} />
        </>
      )}
    </Card>
  );
}
