// The client list. Rendered on the server; only the copy buttons and the row
// dialogs are client components. Holds no secret: hints only.
import type { ApiClientView } from "@/lib/api-clients/list-clients";
import { Card } from "@/components/ui/page-header";
import { CopyButton } from "@/components/ui/copy-button";
import { formatDateTime } from "@/components/ui/format";
import { ScopeBadges, SecretHint, StatusBadge } from "./client-badges";
import { RotateSecretDialog } from "./rotate-secret-dialog";
import { RevokeClientDialog } from "./revoke-client-dialog";
import type { ClusterConnection, FormActionFn, IssuedSecret } from "./types";
import type { ActionInput, ActionResult } from "@/lib/auth/authed-action";

export interface ClientRowActions {
  rotateAction: FormActionFn<IssuedSecret>;
  revokeAction: (prev: unknown, input: ActionInput) => Promise<ActionResult<{ clientId: string; revokedAt: Date }>>;
}

export function ApiClientsTable({
  clusterId,
  clients,
  connection,
  actions,
}: {
  clusterId: string;
  clients: ApiClientView[];
  connection: ClusterConnection;
  /** Absent for members who may only view the list. */
  actions?: ClientRowActions;
}) {
  return (
    <Card className="overflow-x-auto">
      <table className="w-full min-w-[56rem] text-left text-sm">
        <thead className="bg-slate-50 text-xs font-medium tracking-wide whitespace-nowrap text-slate-500 uppercase">
          <tr>
            <th scope="col" className="px-4 py-3">Client</th>
            <th scope="col" className="px-4 py-3">Scopes</th>
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
            return (
              <tr key={c.clientId} data-client-id={c.clientId} className={revoked ? "bg-slate-50/60" : "hover:bg-slate-50/60"}>
                <td className="max-w-[20rem] px-4 py-3 align-top">
                  <span className={`block truncate font-medium ${revoked ? "text-slate-500 line-through decoration-slate-300" : "text-slate-900"}`}>
                    {c.name}
                  </span>
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
                </td>
                <td className="px-4 py-3 align-top">
                  <StatusBadge status={c.status} previousSecretExpiresAt={c.previousSecretExpiresAt} revokedAt={c.revokedAt} revokedByEmail={c.revokedByEmail} />
                </td>
                {actions && (
                  <td className="px-4 py-2.5 text-right align-top whitespace-nowrap">
                    {!revoked && (
                      <>
                        <RotateSecretDialog clusterId={clusterId} clientId={c.clientId} clientName={c.name} connection={connection} rotateAction={actions.rotateAction} />
                        <RevokeClientDialog clusterId={clusterId} clientId={c.clientId} clientName={c.name} revokeAction={actions.revokeAction} />
                      </>
                    )}
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </Card>
  );
}
