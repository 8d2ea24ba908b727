"use client";
// The client list. A client component fed plain row data, with ONE rotate
// and ONE revoke dialog for the whole table: the page's payload grows by a
// few hundred bytes per row, not by a dialog tree per row. Holds no secret:
// hints only.
import { useRef, useState } from "react";
import Link from "next/link";
import type { ApiClientView } from "@/lib/api-clients/list-clients";
import type { ClientSortKey, SortDirection } from "@/lib/api-clients/list-query";
import { NO_USAGE, UsageSparkline, type SparklineUsage } from "@/components/usage/usage-sparkline";
import type { ActionInput, ActionResult } from "@/lib/auth/authed-action";
import { DropdownMenu } from "radix-ui";
import { Table, TBody, THead, Td, Th, Tr } from "@/components/ui/table";
import { CopyButton } from "@/components/ui/copy-button";
import { formatDateTime } from "@/components/ui/format";
import { ScopeBadges, SecretExpiryDate, SecretHint, StatusBadge } from "./client-badges";
import { RotateSecretDialog } from "./rotate-secret-dialog";
import { RevokeClientDialog } from "./revoke-client-dialog";
import { DeleteClientDialog } from "./delete-client-dialog";
import { EndGracePeriodDialog, type EndGraceActionFn } from "./end-grace-period-dialog";
import { EditClientDialog, type EditTarget, type UpdateActionFn } from "./edit-client-dialog";
import type { TokenPolicyLimits } from "./token-policy-fields";
import type { ClusterConnection, FormActionFn, IssuedSecret } from "./types";

export interface ClientRowActions {
  rotateAction: FormActionFn<IssuedSecret>;
  revokeAction: (prev: unknown, input: ActionInput) => Promise<ActionResult<{ clientId: string; revokedAt: Date }>>;
  endGraceAction: EndGraceActionFn;
  /** Each absent for roles without the permission. */
  updateAction?: UpdateActionFn;
  deleteAction?: (prev: unknown, input: ActionInput) => Promise<ActionResult<{ clientId: string }>>;
}

/** Column headers that sort: where a click leads, and the current order. */
export type SortLinks = Record<ClientSortKey, { href: string; current: SortDirection | null }>;

function SortHeader({
  label,
  sortName,
  link,
  className,
}: {
  label: string;
  sortName: string;
  link?: SortLinks[ClientSortKey];
  className?: string;
}) {
  const sort = link?.current === "asc" ? "ascending" : link?.current === "desc" ? "descending" : undefined;
  return (
    <Th className={className} aria-sort={sort}>
      {link ? (
        <Link href={link.href} aria-label={`${label}: sort by ${sortName}`} className="inline-flex items-center gap-1 uppercase hover:text-slate-800">
          {label}
          <span aria-hidden="true" className={link.current ? "text-slate-700" : "text-slate-400"}>
            {link.current === "asc" ? "▲" : "▼"}
          </span>
        </Link>
      ) : (
        label
      )}
    </Th>
  );
}

type Target = { clientId: string; name: string } | null;
type Dialog = "edit" | "rotate" | "endGrace" | "revoke" | "delete";

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
  tokenPolicy,
}: {
  clusterId: string;
  clients: ApiClientView[];
  /** Tokens per hour etc. by client ID, shown under "Last used"; a client left out has none. */
  usage?: Record<string, SparklineUsage>;
  connection: ClusterConnection;
  /** Absent for members who may only view the list. */
  actions?: ClientRowActions;
  sortLinks?: SortLinks;
  tokenTtlSeconds: number;
  /** The server's clock at render, so badges read the same on server and client. */
  now: Date;
  maxSecretAgeDays?: number | null;
  /** With it, the edit dialog also edits each client's token lifetime and rate limit. */
  tokenPolicy?: TokenPolicyLimits;
}) {
  const [rotating, setRotating] = useState<Target>(null);
  const [revoking, setRevoking] = useState<Target>(null);
  const [editing, setEditing] = useState<EditTarget | null>(null);
  const [deleting, setDeleting] = useState<Target>(null);
  const [endingGrace, setEndingGrace] = useState<{ clientId: string; name: string; previousSecretExpiresAt: Date | null } | null>(null);
  // The shared dialogs have no Radix trigger of their own, so focus goes
  // back to the row button that opened them by hand (if it still exists).
  const opener = useRef<HTMLButtonElement | null>(null);
  const returnFocus = () => {
    if (opener.current?.isConnected) opener.current.focus();
  };
  const open = (dialog: Dialog, c: ApiClientView) => {
    const target = { clientId: c.clientId, name: c.name };
    if (dialog === "edit") setEditing({ clientId: c.clientId, name: c.name, description: c.description, scopes: c.scopes, tokenTtlSeconds: c.tokenTtlSeconds, tokenRateLimit: c.tokenRateLimit });
    else if (dialog === "rotate") setRotating(target);
    else if (dialog === "endGrace") setEndingGrace({ ...target, previousSecretExpiresAt: c.previousSecretExpiresAt });
    else if (dialog === "revoke") setRevoking(target);
    else setDeleting(target);
  };
  const menu = actions && {
    itemsFor: (c: ApiClientView) => rowActionItems(c, actions, open),
    onOpener: (el: HTMLButtonElement) => {
      opener.current = el;
    },
  };
  return (
    <>
      <Table tableClassName="md:min-w-[60rem] md:table-fixed">
        <ClientsTableHead sortLinks={sortLinks} withActions={!!actions} />
        <TBody>
          {clients.map((c) => (
            <ApiClientRow key={c.clientId} clusterId={clusterId} client={c} usage={usage} now={now} menu={menu} />
          ))}
        </TBody>
      </Table>
      {actions && (
        <>
          <RotateSecretDialog clusterId={clusterId} target={rotating} onClosed={() => setRotating(null)} returnFocus={returnFocus} connection={connection} rotateAction={actions.rotateAction} maxSecretAgeDays={maxSecretAgeDays} />
          <RevokeClientDialog clusterId={clusterId} target={revoking} onClosed={() => setRevoking(null)} returnFocus={returnFocus} revokeAction={actions.revokeAction} />
          <EndGracePeriodDialog clusterId={clusterId} target={endingGrace} onClosed={() => setEndingGrace(null)} returnFocus={returnFocus} endGraceAction={actions.endGraceAction} />
          {actions.updateAction && (
            <EditClientDialog clusterId={clusterId} target={editing} onClosed={() => setEditing(null)} returnFocus={returnFocus} updateAction={actions.updateAction} tokenTtlSeconds={tokenTtlSeconds} policy={tokenPolicy} />
          )}
          {actions.deleteAction && (
            <DeleteClientDialog clusterId={clusterId} target={deleting} onClosed={() => setDeleting(null)} returnFocus={returnFocus} deleteAction={actions.deleteAction} />
          )}
        </>
      )}
    </>
  );
}

/** The column headers; with `withActions`, the actions column, which also draws the rows' "⋯" icon once. */
function ClientsTableHead({ sortLinks, withActions }: { sortLinks?: SortLinks; withActions: boolean }) {
  return (
    <THead>
      <SortHeader label="Client" sortName="client name" link={sortLinks?.name} />
      <Th className="w-36">Scopes</Th>
      <Th className="w-36">Secret</Th>
      <SortHeader label="Created" sortName="creation time" link={sortLinks?.created} className="w-48" />
      <SortHeader label="Last used" sortName="last use" link={sortLinks?.last_used} className="w-44" />
      <Th className="w-36">Status</Th>
      {withActions && (
        <Th className="w-16">
          <span className="sr-only">Actions</span>
          {/* The rows' "⋯" icon, drawn once: each row's button uses it. */}
          <svg aria-hidden="true" className="hidden">
            <symbol id={ROW_MENU_ICON} viewBox="0 0 16 16" fill="currentColor">
              <circle cx="3" cy="8" r="1.4" />
              <circle cx="8" cy="8" r="1.4" />
              <circle cx="13" cy="8" r="1.4" />
            </symbol>
          </svg>
        </Th>
      )}
    </THead>
  );
}

/** What a row's menu offers: a revoked client only Delete; a live one Edit, Rotate, End grace period (while rotating) and Revoke; each only with its action. */
function rowActionItems(c: ApiClientView, actions: ClientRowActions, open: (dialog: Dialog, c: ApiClientView) => void): RowAction[] {
  if (c.status === "revoked") return actions.deleteAction ? [{ label: "Delete", danger: true, run: () => open("delete", c) }] : [];
  return [
    ...(actions.updateAction ? [{ label: "Edit", run: () => open("edit", c) }] : []),
    { label: "Rotate secret", run: () => open("rotate", c) },
    ...(c.status === "rotating" ? [{ label: "End grace period now", run: () => open("endGrace", c) }] : []),
    { label: "Revoke", danger: true, run: () => open("revoke", c) },
  ];
}

/** One client: a table row from `md` up, a card below. `menu` (members who may act) adds the "⋯" menu. */
function ApiClientRow({
  clusterId,
  client: c,
  usage,
  now,
  menu,
}: {
  clusterId: string;
  client: ApiClientView;
  usage?: Record<string, SparklineUsage>;
  now: Date;
  menu?: { itemsFor: (c: ApiClientView) => RowAction[]; onOpener: (el: HTMLButtonElement) => void };
}) {
  const revoked = c.status === "revoked";
  const items = menu ? menu.itemsFor(c) : [];
  return (
    <Tr data-client-id={c.clientId} className={revoked ? "md:bg-slate-50" : "md:hover:bg-slate-50"}>
      <Td wide className={menu ? "min-w-0 max-md:pr-10" : "min-w-0"}>
        <span
          title={c.name}
          className={`block font-medium max-md:[overflow-wrap:anywhere] md:truncate ${revoked ? "text-slate-600 line-through decoration-slate-400" : "text-slate-900"}`}
        >
          {/* The client's own page: its secrets, usage, Activity and files. */}
          <Link href={`/clusters/${clusterId}/api/${c.clientId}`} className="hover:text-brand-600 hover:underline">
            {c.name}
          </Link>
        </span>
        {c.description && (
          <span className="mt-0.5 line-clamp-2 text-xs whitespace-pre-line text-slate-600 [overflow-wrap:anywhere]" title={c.description}>{c.description}</span>
        )}
        <span className="mt-1 flex min-w-0 items-center gap-1.5">
          <code className="min-w-0 font-mono text-xs break-all text-slate-600">{c.clientId}</code>
          <CopyButton value={c.clientId} label={`client ID of ${c.name}`} className="px-1.5 py-0.5 text-[11px]" />
        </span>
      </Td>
      <Td label="Scopes"><ScopeBadges scopes={c.scopes} /></Td>
      <Td label="Secret">
        <SecretHint hint={c.secretHint} />
        <SecretExpiryDate expiresAt={c.secretExpiresAt} live={c.status !== "revoked" && c.status !== "expired"} />
      </Td>
      <Td label="Created" className="text-slate-600">
        <span className="md:whitespace-nowrap">{formatDateTime(c.createdAt)}</span>
        <span className="block truncate text-xs text-slate-600" title={c.createdByEmail}>by {c.createdByEmail}</span>
      </Td>
      <Td label="Last used" className="text-slate-600">
        {c.lastUsedAt ? <span className="md:whitespace-nowrap">{formatDateTime(c.lastUsedAt)}</span> : <span className="text-slate-600">Never</span>}
        <UsageSparkline usage={usage && (usage[c.clientId] ?? NO_USAGE)} name={c.name} since={c.createdAt} now={now} />
      </Td>
      <Td label="Status">
        <StatusBadge status={c.status} secretExpiresAt={c.secretExpiresAt} previousSecretExpiresAt={c.previousSecretExpiresAt} revokedAt={c.revokedAt} revokedByEmail={c.revokedByEmail} now={now} />
      </Td>
      {menu && (
        <Td className="text-right max-md:absolute max-md:top-3 max-md:right-3">
          {items.length > 0 && <RowActionsMenu name={c.name} items={items} onOpener={menu.onOpener} />}
        </Td>
      )}
    </Tr>
  );
}

interface RowAction {
  label: string;
  danger?: boolean;
  run: () => void;
}

/** The id of the "⋯" icon's symbol, drawn once in the table's header. */
const ROW_MENU_ICON = "row-menu-icon";

const menuItem =
  "flex cursor-pointer items-center gap-2 rounded-md px-3 py-2 text-sm text-slate-700 outline-none data-[highlighted]:bg-slate-100 data-[highlighted]:text-slate-900";

/** A row's actions behind one "⋯" button: the name column keeps the room. */
function RowActionsMenu({ name, items, onOpener }: { name: string; items: RowAction[]; onOpener: (el: HTMLButtonElement) => void }) {
  return (
    // Not modal: the dialog an item opens takes focus itself.
    <DropdownMenu.Root modal={false}>
      <DropdownMenu.Trigger
        aria-label={`Actions for ${name}`}
        onPointerDown={(e) => onOpener(e.currentTarget)}
        onKeyDown={(e) => onOpener(e.currentTarget)}
        className="row-menu-button"
      >
        <svg aria-hidden="true" className="size-4">
          <use href={`#${ROW_MENU_ICON}`} />
        </svg>
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content align="end" sideOffset={4} collisionPadding={8} className="z-50 min-w-44 rounded-lg bg-white p-1 shadow-lg ring-1 ring-slate-200">
          {items.map((i) => (
            <DropdownMenu.Item
              key={i.label}
              className={i.danger ? `${menuItem} text-red-700 data-[highlighted]:bg-red-50 data-[highlighted]:text-red-700` : menuItem}
              onSelect={i.run}
              aria-haspopup="dialog"
            >
              {i.label}
            </DropdownMenu.Item>
          ))}
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
