"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { DropdownMenu } from "radix-ui";
import { roleChangeConsequence } from "@/lib/members/role-change-consequence";
import { can } from "@/lib/auth/roles";
import type { Role } from "@/lib/generated/prisma/enums";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import type { ActionInput, ActionResult } from "@/lib/auth/authed-action";
import { type CreatedCredential, CredentialsToRevoke, useCredentialsToRevoke } from "./credentials-to-revoke";

// Server actions arrive as props from the page (components never import app/).
type MemberAction = (prev: unknown, input: ActionInput) => Promise<ActionResult<unknown>>;

const item =
  "flex cursor-pointer items-center gap-2 rounded-md px-3 py-2 text-sm text-slate-700 outline-none data-[highlighted]:bg-slate-100 data-[highlighted]:text-slate-900";

/**
 * The role as a menu button. Picking another role opens a confirmation that
 * says what the change does (lib/members/role-change-consequence) and, when
 * the new role cannot manage Administration API credentials, lists the ones
 * the member created with "Revoke" checked; nothing changes until it is
 * confirmed.
 */
export function MemberRoleMenu({
  userId,
  name,
  role,
  roles,
  self,
  credentials = [],
  action,
}: {
  userId: string;
  name: string;
  role: Role;
  roles: { value: Role; label: string }[];
  self: boolean;
  /** Live Administration API credentials the member created. */
  credentials?: CreatedCredential[];
  action: MemberAction;
}) {
  const [next, setNext] = useState<Role | null>(null);
  const label = (r: Role) => roles.find((x) => x.value === r)?.label ?? r;

  return (
    <>
      <DropdownMenu.Root>
        <DropdownMenu.Trigger
          aria-label={`Role of ${name}: ${label(role)}. Change role`}
          className="inline-flex items-center gap-1.5 rounded-md px-2.5 py-1.5 text-sm text-slate-800 ring-1 ring-slate-300 ring-inset hover:bg-slate-50 data-[state=open]:bg-slate-100"
        >
          {label(role)}
          <svg aria-hidden="true" viewBox="0 0 16 16" className="size-3.5 text-slate-500" fill="none" stroke="currentColor" strokeWidth="1.8">
            <path d="m4 6 4 4 4-4" strokeLinecap="round" strokeLinejoin="round" />
          </svg>
        </DropdownMenu.Trigger>
        <DropdownMenu.Portal>
          <DropdownMenu.Content align="start" sideOffset={4} collisionPadding={8} className="z-50 min-w-52 rounded-lg bg-white p-1 shadow-lg ring-1 ring-slate-200">
            <DropdownMenu.Label className="px-3 pt-2 pb-1 text-xs font-medium text-slate-600">Role of {name}</DropdownMenu.Label>
            <DropdownMenu.RadioGroup value={role} onValueChange={(v) => v !== role && setNext(v as Role)}>
              {roles.map((r) => (
                <DropdownMenu.RadioItem key={r.value} value={r.value} className={item}>
                  <span aria-hidden="true" className="inline-block w-4 text-brand-600">
                    <DropdownMenu.ItemIndicator>✓</DropdownMenu.ItemIndicator>
                  </span>
                  {r.label}
                </DropdownMenu.RadioItem>
              ))}
            </DropdownMenu.RadioGroup>
          </DropdownMenu.Content>
        </DropdownMenu.Portal>
      </DropdownMenu.Root>
      {next && (
        <RoleChangeDialog
          userId={userId}
          name={name}
          from={role}
          to={next}
          toLabel={label(next)}
          self={self}
          // A role that still manages credentials keeps what it made: nothing to offer.
          credentials={can(next, "admin_client:manage") ? [] : credentials}
          action={action}
          onClosed={() => setNext(null)}
        />
      )}
    </>
  );
}

/** Mounted per opening, so the revoke checkboxes start checked each time. */
function RoleChangeDialog(props: {
  userId: string;
  name: string;
  from: Role;
  to: Role;
  toLabel: string;
  self: boolean;
  credentials: CreatedCredential[];
  action: MemberAction;
  onClosed: () => void;
}) {
  const { userId, name, from, to, toLabel, self, credentials, action, onClosed } = props;
  const router = useRouter();
  const revoke = useCredentialsToRevoke(credentials);
  const change = roleChangeConsequence({ name, from, to, self });
  return (
    <ConfirmDialog
      title={change.title}
      description={change.consequence}
      confirmLabel={`Change to ${toLabel}`}
      pendingLabel="Changing…"
      confirmVariant={change.danger ? "danger" : "primary"}
      successMessage={self ? `Your role is now ${toLabel}` : `${name} is now ${toLabel}`}
      failureTitle="The role was not changed"
      run={() => action(undefined, { userId, role: to, revokeClientIds: revoke.selected })}
      onDone={() => router.refresh()}
      onClosed={onClosed}
    >
      <CredentialsToRevoke name={self ? "you" : name} credentials={credentials} {...revoke} />
    </ConfirmDialog>
  );
}

export function RemoveMemberButton({
  userId,
  name,
  credentials = [],
  action,
}: {
  userId: string;
  name: string;
  /** Live Administration API credentials the member created. */
  credentials?: CreatedCredential[];
  action: MemberAction;
}) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="ghost" size="sm" aria-label={`Remove ${name}`} aria-haspopup="dialog" onClick={() => setOpen(true)}>
        Remove
      </Button>
      {open && <RemoveMemberDialog userId={userId} name={name} credentials={credentials} action={action} onClosed={() => setOpen(false)} />}
    </>
  );
}

function RemoveMemberDialog(props: { userId: string; name: string; credentials: CreatedCredential[]; action: MemberAction; onClosed: () => void }) {
  const { userId, name, credentials, action, onClosed } = props;
  const router = useRouter();
  const revoke = useCredentialsToRevoke(credentials);
  return (
    <ConfirmDialog
      title={`Remove ${name}?`}
      description="They lose access to this organization at once, and the invitations and password-reset links they made stop working."
      confirmLabel="Remove member"
      pendingLabel="Removing…"
      successMessage={`Removed ${name}`}
      failureTitle={`${name} was not removed`}
      run={() => action(undefined, { userId, revokeClientIds: revoke.selected })}
      onDone={() => router.refresh()}
      onClosed={onClosed}
    >
      <CredentialsToRevoke name={name} credentials={credentials} {...revoke} />
    </ConfirmDialog>
  );
}
