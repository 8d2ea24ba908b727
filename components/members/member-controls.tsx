"use client";
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { DropdownMenu } from "radix-ui";
import { roleChangeConsequence } from "@/lib/members/role-change-consequence";
import type { Role } from "@/lib/generated/prisma/enums";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { FormError } from "@/components/ui/field";
import { notify } from "@/components/ui/toaster";
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
  const [error, setError] = useState<string>();
  const [pending, start] = useTransition();
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
            <DropdownMenu.RadioGroup value={role} onValueChange={(v) => v !== role && (setError(undefined), setNext(v as Role))}>
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
      <Dialog open={next !== null} onOpenChange={(o) => !o && !pending && setNext(null)}>
        {change && next && (
          <DialogContent title={change.title} description={change.consequence}>
            <FormError message={error} className="mb-4" />
            <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
              <DialogClose asChild>
                <Button variant="secondary">Cancel</Button>
              </DialogClose>
              <Button
                variant={change.danger ? "danger" : "primary"}
                disabled={pending}
                onClick={() =>
                  start(async () => {
                    const res = await action(undefined, { userId, role: next });
                    if (res.ok) {
                      setNext(null);
                      notify.success(self ? `Your role is now ${label(next)}` : `${name} is now ${label(next)}`);
                      router.refresh();
                    } else {
                      setError(res.error);
                      notify.error("The role was not changed", res.error);
                    }
                  })
                }
              >
                {pending ? "Changing…" : `Change to ${label(next)}`}
              </Button>
            </div>
          </DialogContent>
        )}
      </Dialog>
    </>
  );
}

export function RemoveMemberButton({ userId, name, action }: { userId: string; name: string; action: MemberAction }) {
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string>();
  const [pending, start] = useTransition();
  const router = useRouter();
  return (
    <Dialog open={open} onOpenChange={(o) => (setOpen(o), setError(undefined))}>
      <DialogTrigger asChild>
        <Button variant="ghost" size="sm" aria-label={`Remove ${name}`}>
          Remove
        </Button>
      </DialogTrigger>
      <DialogContent title={`Remove ${name}?`} description="They lose access to this organization at once.">
        <FormError message={error} className="mb-4" />
        <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
          <DialogClose asChild>
            <Button variant="secondary">Cancel</Button>
          </DialogClose>
          <Button
            variant="danger"
            disabled={pending}
            onClick={() =>
              start(async () => {
                const res = await action(undefined, { userId });
                if (res.ok) {
                  setOpen(false);
                  notify.success(`Removed ${name}`);
                  router.refresh();
                } else {
                  setError(res.error);
                  notify.error(`${name} was not removed`, res.error);
                }
              })
            }
          >
            {pending ? "Removing…" : "Remove member"}
          </Button>
        </div>
      </DialogContent>
    </Dialog>
  );
}
