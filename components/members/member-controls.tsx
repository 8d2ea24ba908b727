"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { DropdownMenu } from "radix-ui";
import { roleChangeConsequence } from "@/lib/members/role-change-consequence";
import type { Role } from "@/lib/generated/prisma/enums";
import { ConfirmButton, ConfirmDialog } from "@/components/ui/confirm-dialog";
import type { ActionInput, ActionResult } from "@/lib/auth/authed-action";

// Server actions arrive as props from the page (components never import app/).
type MemberAction = (prev: unknown, input: ActionInput) => Promise<ActionResult<unknown>>;

const item =
  "flex cursor-pointer items-center gap-2 rounded-md px-3 py-2 text-sm text-slate-700 outline-none data-[highlighted]:bg-slate-100 data-[highlighted]:text-slate-900";

/**
 * The role as a menu button. Picking another role opens a confirmation that
 * says what the change does (lib/members/role-change-consequence); nothing
 * changes until it is confirmed.
 */
export function MemberRoleMenu({
  userId,
  name,
  role,
  roles,
  self,
  action,
}: {
  userId: string;
  name: string;
  role: Role;
  roles: { value: Role; label: string }[];
  self: boolean;
  action: MemberAction;
}) {
  const [next, setNext] = useState<Role | null>(null);
  const router = useRouter();
  const label = (r: Role) => roles.find((x) => x.value === r)?.label ?? r;
  const change = next ? roleChangeConsequence({ name, from: role, to: next, self }) : null;

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
      {change && next && (
        <ConfirmDialog
          title={change.title}
          description={change.consequence}
          confirmLabel={`Change to ${label(next)}`}
          pendingLabel="Changing…"
          confirmVariant={change.danger ? "danger" : "primary"}
          successMessage={self ? `Your role is now ${label(next)}` : `${name} is now ${label(next)}`}
          failureTitle="The role was not changed"
          run={() => action(undefined, { userId, role: next })}
          onDone={() => router.refresh()}
          onClosed={() => setNext(null)}
        />
      )}
    </>
  );
}

export function RemoveMemberButton({ userId, name, action }: { userId: string; name: string; action: MemberAction }) {
  const router = useRouter();
  return (
    <ConfirmButton
      label="Remove"
      ariaLabel={`Remove ${name}`}
      title={`Remove ${name}?`}
      description="They lose access to this organization at once."
      confirmLabel="Remove member"
      pendingLabel="Removing…"
      successMessage={`Removed ${name}`}
      failureTitle={`${name} was not removed`}
      run={() => action(undefined, { userId })}
      onDone={() => router.refresh()}
    />
  );
}
