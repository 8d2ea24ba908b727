"use client";
// The client list. A client component fed plain row data, with ONE rotate
// and ONE revoke dialog for the whole table: the page's payload grows by a
// few hundred bytes per row, not by a dialog tree per row. Holds no secret:
// hints only.
import { useRef, useState } from "react";
import Link from "next/link";
import type { ApiClientView } from "@/lib/api-clients/list-clients";
import type { ClientSortKey, SortDirection } from "@/lib/api-clients/list-query";
import type { ClientUsage } from "@/lib/usage/client-usage";
import { UsageSparkline } from "@/components/usage/usage-sparkline";
import type { ActionInput, ActionResult } from "@/lib/auth/authed-action";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/page-header";
import { CopyButton } from "@/components/ui/copy-button";
import { formatDateTime } from "@/components/ui/format";
import { ScopeBadges, SecretHint, StatusBadge } from "./client-badges";
import { RotateSecretDialog } from "./rotate-secret-dialog";
import { RevokeClientDialog } from "./revoke-client-dialog";
import { DeleteClientDialog } from "./delete-client-dialog";
import { EditClientDialog, type EditTarget, type UpdateActionFn } from "./edit-client-dialog";
import type { ClusterConnection, FormActionFn, IssuedSecret } from "./types";

export interface ClientRowActions {
  rotateAction: FormActionFn<IssuedSecret>;
  revokeAction: (prev: unknown, input: ActionInput) => Promise<ActionResult<{ clientId: string; revokedAt: Date }>>;
  /** Each absent for roles without the permission. */
  updateAction?: UpdateActionFn;
  deleteAction?: (prev: unknown, input: ActionInput) => Promise<ActionResult<{ clientId: string }>>;
}

/** Column headers that sort: where a click leads, and the current order. */
export type SortLinks = Record<ClientSortKey, { href: string; current: SortDirection | null }>;

function SortHeader({ label, sortName, link }: { label: string; sortName: string; link?: SortLinks[ClientSortKey] }) {
  const sort = link?.current === "asc" ? "ascending" : link?.current === "desc" ? "descending" : undefined;
  return (
    <th scope="col" className="px-4 py-3" aria-sort={sort}>
      {link ? (
        <Link href={link.href} aria-label={`Sort by ${sortName}`} className="inline-flex items-center gap-1 uppercase hover:text-slate-800">
          {label}
          <span aria-hidden="true" className={link.current ? "text-slate-700" : "text-slate-300"}>
            {link.current === "asc" ? "▲" : "▼"}
          </span>
        </Link>
      ) : (
        label
      )}
    </th>
  );
}

type Target = { clientId: string; name: string } | null;

export function ApiClientsTable({
  clusterId,
  clients,
  usage,
  connection,
  actions,
  sortLinks,
  tokenTtlSeconds,
  now,
  maxSecretAgeDays = null,
}: {
  clusterId: string;
  clients: ApiClientView[];
  /** Tokens per hour etc. by client ID, shown under "Last used". */
  usage?: Record<string, ClientUsage>;
  connection: ClusterConnection;
  /** Absent for members who may only view the list. */
  actions?: ClientRowActions;
  sortLinks?: SortLinks;
  tokenTtlSeconds: number;
  /** The server's clock at render, so badges read the same on server and client. */
  now: Date;
  maxSecretAgeDays?: number | null;
}) {
  const [rotating, setRotating] = useState<Target>(null);
  const [revoking, setRevoking] = useState<Target>(null);
  const [editing, setEditing] = useState<EditTarget | null>(null);
  const [deleting, setDeleting] = useState<Target>(null);
  // The shared dialogs have no Radix trigger of their own, so focus goes
  // back to the row button that opened them by hand (if it still exists).
  const opener = useRef<HTMLButtonElement | null>(null);
  const returnFocus = () => {
    if (opener.current?.isConnected) opener.current.focus();
  };
  return (
    <Card className="overflow-x-auto">
      <table className="w-full min-w-[56rem] text-left text-sm">
        <thead className="bg-slate-50 text-xs font-medium tracking-wide whitespace-nowrap text-slate-500 uppercase">
          <tr>
            <SortHeader label="Client" sortName="client name" link={sortLinks?.name} />
            <th scope="col" className="px-4 py-3">Scopes</th>
            <th scope="col" className="px-4 py-3">Secret</th>
            <SortHeader label="Created" sortName="creation time" link={sortLinks?.created} />
            <SortHeader label="Last used" sortName="last use" link={sortLinks?.last_used} />
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
                  <span className={`block truncate font-medium ${revoked ? "text-slate-500 line-through decoration-slate-300" : "text-slate-900"}`}>
                    {c.name}
                  </span>
                  {c.description && (
                    <span className="mt-0.5 line-clamp-2 text-xs whitespace-pre-line text-slate-500" title={c.description}>{c.description}</span>
                  )}
                  <span className="mt-1 flex items-center gap-1.5">
                    <code className="truncate font-mono text-xs text-slate-600">{c.clientId}</code>
                    <CopyButton value={c.clientId} label={`client ID of ${c.name}`} className="px-1.5 py-0.5 text-[11px]" />
                  </span>
                </td>
                <td className="w-[11rem] px-4 py-3 align-top"><ScopeBadges scopes={c.scopes} /></td>
                <td className="px-4 py-3 align-top"><SecretHint hint={c.secretHint} /></td>
                <td className="px-4 py-3 align-top whitespace-nowrap text-slate-600">
                  {formatDateTime(c.createdAt)}
                  <span className="block max-w-[12rem] truncate text-xs text-slate-400">by {c.createdByEmail}</span>
                </td>
                <td className="px-4 py-3 align-top whitespace-nowrap text-slate-600">
                  {c.lastUsedAt ? formatDateTime(c.lastUsedAt) : <span className="text-slate-400">Never</span>}
                  <UsageSparkline usage={usage?.[c.clientId]} name={c.name} />
                </td>
                <td className="px-4 py-3 align-top">
                  <StatusBadge status={c.status} secretExpiresAt={c.secretExpiresAt} previousSecretExpiresAt={c.previousSecretExpiresAt} revokedAt={c.revokedAt} revokedByEmail={c.revokedByEmail} now={now} />
                </td>
                {actions && (
                  <td className="px-4 py-2.5 text-right align-top whitespace-nowrap">
                    {!revoked && (
                      <>
                        {actions.updateAction && (
                          <Button variant="ghost" size="sm" aria-label={`Edit ${c.name}`} aria-haspopup="dialog" onClick={(e) => {
                              opener.current = e.currentTarget;
                              setEditing({ clientId: c.clientId, name: c.name, description: c.description, scopes: c.scopes });
                            }}>
                            Edit
                          </Button>
                        )}
                        <Button variant="ghost" size="sm" aria-label={`Rotate secret of ${c.name}`} aria-haspopup="dialog" onClick={(e) => {
                            opener.current = e.currentTarget;
                            setRotating(target);
                          }}>
                          Rotate
                        </Button>
                        <Button variant="ghost" size="sm" aria-label={`Revoke ${c.name}`} aria-haspopup="dialog" onClick={(e) => {
                            opener.current = e.currentTarget;
                            setRevoking(target);
                          }} className="text-red-700 hover:bg-red-50">
                          Revoke
                        </Button>
                      </>
                    )}
                    {revoked && actions.deleteAction && (
                      <Button variant="ghost" size="sm" aria-label={`Delete ${c.name}`} aria-haspopup="dialog" onClick={(e) => {
                        opener.current = e.currentTarget;
                        setDeleting(target);
                      }} className="text-red-700 hover:bg-red-50">
                        Delete
                      </Button>
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
          <RotateSecretDialog clusterId={clusterId} target={rotating} onClosed={() => setRotating(null)} returnFocus={returnFocus} connection={connection} rotateAction={actions.rotateAction} maxSecretAgeDays={maxSecretAgeDays} />
          <RevokeClientDialog clusterId={clusterId} target={revoking} onClosed={() => setRevoking(null)} returnFocus={returnFocus} revokeAction={actions.revokeAction} />
          {actions.updateAction && (
            <EditClientDialog clusterId={clusterId} target={editing} onClosed={() => setEditing(null)} returnFocus={returnFocus} updateAction={actions.updateAction} tokenTtlSeconds={tokenTtlSeconds} />
          )}
          {actions.deleteAction && (
            <DeleteClientDialog clusterId={clusterId} target={deleting} onClosed={() => setDeleting(null)} returnFocus={returnFocus} deleteAction={actions.deleteAction} />
          )}
        </>
      )}
    </Card>
  );
}
