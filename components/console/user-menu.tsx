"use client";
import Link from "next/link";
import { useTransition } from "react";
import { DropdownMenu } from "radix-ui";
import { notify } from "@/components/ui/toaster";
import type { ActionInput, ActionResult } from "@/lib/auth/authed-action";
import { signOut } from "next-auth/react";
import { ThemeMenuItems } from "@/components/theme/theme-menu";

const item =
  "flex cursor-pointer items-center gap-2 rounded-md px-3 py-2 text-sm text-slate-700 outline-none data-[highlighted]:bg-slate-100 data-[highlighted]:text-slate-900";

export function UserMenu({
  name,
  email,
  role,
  organizationName,
  organizationId,
  organizations,
  switchAction,
}: {
  name: string;
  email: string;
  role: string;
  organizationName: string;
  organizationId: string;
  /** The user's organizations; with more than one, the menu offers to switch. */
  organizations: { id: string; name: string; role: string }[];
  switchAction: (prev: unknown, input: ActionInput) => Promise<ActionResult<unknown>>;
}) {
  const initials = initialsOf(name);
  return (
    <DropdownMenu.Root>
      <DropdownMenu.Trigger
        className="flex max-w-full items-center gap-2 rounded-full py-1 pr-1 pl-1 text-sm text-slate-700 hover:bg-slate-100 sm:pr-2"
      >
        <span className="sr-only">User menu</span>
        <span aria-hidden="true" className="flex size-7 shrink-0 items-center justify-center rounded-full bg-slate-800 text-xs font-semibold text-white">
          {initials || "?"}
        </span>
        <span className="hidden max-w-40 truncate sm:inline">{name}</span>
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content
          align="end"
          sideOffset={6}
          collisionPadding={8}
          className="z-50 w-[min(18rem,calc(100vw-1rem))] rounded-lg bg-white p-1 shadow-lg ring-1 ring-slate-200"
        >
          <div className="px-3 py-2">
            <p className="truncate text-sm font-medium text-slate-900">{name}</p>
            <p className="truncate text-xs text-slate-600">{email}</p>
            <p className="mt-1 truncate text-xs text-slate-600">
              {role} · {organizationName}
            </p>
          </div>
          <DropdownMenu.Item asChild className={item}>
            <Link href="/account">Account</Link>
          </DropdownMenu.Item>
          {organizations.length > 1 && (
            <OrganizationSwitcher organizationId={organizationId} organizations={organizations} switchAction={switchAction} />
          )}
          <DropdownMenu.Separator className="my-1 h-px bg-slate-200" />
          <ThemeMenuItems itemClassName={item} />
          <DropdownMenu.Separator className="my-1 h-px bg-slate-200" />
          <DropdownMenu.Item onSelect={() => void signOut({ callbackUrl: "/signin" })} className={item}>
            Sign out
          </DropdownMenu.Item>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}

/** "Ada Lovelace" -> "AL": the avatar's letters. */
function initialsOf(name: string): string {
  return name
    .split(/\s+/)
    .map((p) => p[0])
    .join("")
    .slice(0, 2)
    .toUpperCase();
}

/** The user's organizations as radio items; choosing one switches to it (a refusal comes back as a toast). */
function OrganizationSwitcher({
  organizationId,
  organizations,
  switchAction,
}: {
  organizationId: string;
  organizations: { id: string; name: string; role: string }[];
  switchAction: (prev: unknown, input: ActionInput) => Promise<ActionResult<unknown>>;
}) {
  const [switching, start] = useTransition();
  const switchTo = (id: string) =>
    start(async () => {
      // Success redirects to the organization's clusters; only a refusal comes back.
      const res = await switchAction(undefined, { organizationId: id });
      if (res && !res.ok) notify.error("The organization was not switched", res.error);
    });
  return (
    <>
      <DropdownMenu.Separator className="my-1 h-px bg-slate-200" />
      <DropdownMenu.Label className="px-3 pt-1 pb-1 text-xs font-medium text-slate-600">Switch organization</DropdownMenu.Label>
      <DropdownMenu.RadioGroup value={organizationId} onValueChange={(id) => id !== organizationId && switchTo(id)}>
        {organizations.map((o) => (
          <DropdownMenu.RadioItem key={o.id} value={o.id} disabled={switching} className={item}>
            <span aria-hidden="true" className="inline-block w-4 shrink-0 text-brand-600">
              <DropdownMenu.ItemIndicator>✓</DropdownMenu.ItemIndicator>
            </span>
            <span className="min-w-0 truncate">{o.name}</span>
            <span className="ml-auto shrink-0 text-xs text-slate-500">{o.role}</span>
          </DropdownMenu.RadioItem>
        ))}
      </DropdownMenu.RadioGroup>
    </>
  );
}
