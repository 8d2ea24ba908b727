import Link from "next/link";
import { Logo } from "@/components/logo";
import { MobileNav } from "@/components/console/mobile-nav";
import { NavLinks } from "@/components/console/nav-links";
import { UserMenu } from "@/components/console/user-menu";
import { ROLE_LABELS } from "@/lib/auth/roles";
import type { Member } from "@/lib/auth/session";
import type { ActionInput, ActionResult } from "@/lib/auth/authed-action";
import type { Role } from "@/lib/generated/prisma/enums";

// From 360 px up: below `md` the section links move into the Menu sheet and
// the organization name into the user menu; the user menu (theme, sign out)
// is always on screen.
export function TopBar({
  member,
  organizations,
  switchAction,
  signOutAction,
}: {
  member: Member;
  /** Every organization the user belongs to (the switcher shows when there are several). */
  organizations: { id: string; name: string; role: Role }[];
  switchAction: (prev: unknown, input: ActionInput) => Promise<ActionResult<unknown>>;
  /** The no-JavaScript sign-out form's action (app/actions/sign-out.ts). */
  signOutAction: () => Promise<void>;
}) {
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex h-14 max-w-6xl items-center gap-2 px-4 sm:px-6 md:gap-6">
        <span className="js-only md:hidden">
          <MobileNav organizationName={member.organizationName} />
        </span>
        <NoScriptMenu />
        <Link href="/clusters" aria-label="Cluster Console home" className="shrink-0">
          <Logo />
        </Link>
        <span role="group" className="hidden min-w-0 items-center gap-2 text-sm text-slate-500 lg:flex" aria-label="Organization">
          <span aria-hidden="true" className="text-slate-300">/</span>
          <span className="max-w-56 truncate font-medium text-slate-800" title={member.organizationName}>
            {member.organizationName}
          </span>
        </span>
        <div className="hidden md:block">
          <NavLinks />
        </div>
        <form action={signOutAction} className="no-js-only ml-auto shrink-0">
          <button type="submit" className="rounded-md px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-100">
            Sign out
          </button>
        </form>
        <div className="js-only ml-auto min-w-0">
          <UserMenu
            name={member.name}
            email={member.email}
            role={ROLE_LABELS[member.role]}
            organizationName={member.organizationName}
            organizationId={member.organizationId}
            organizations={organizations.map((o) => ({ id: o.id, name: o.name, role: ROLE_LABELS[o.role] }))}
            switchAction={switchAction}
          />
        </div>
      </div>
      <p className="no-js-only border-t border-amber-200 bg-amber-50 px-4 py-2 text-center text-sm text-amber-900">
        JavaScript is off: every page, search and filter works, and so does signing out. Creating, editing, rotating and revoking
        open dialogs (a new secret is shown once, in one), so they need JavaScript.
      </p>
    </header>
  );
}

/** Below `md` without JavaScript: the section links in a native disclosure instead of the scripted sheet. */
function NoScriptMenu() {
  return (
    <details className="no-js-only group relative md:hidden">
      <summary className="flex h-9 cursor-pointer list-none items-center rounded-md px-2 text-sm font-medium text-slate-700 hover:bg-slate-100">
        Menu
      </summary>
      <div className="absolute left-0 z-50 mt-2 w-56 rounded-lg bg-white p-2 shadow-lg ring-1 ring-slate-200">
        <NavLinks vertical />
      </div>
    </details>
  );
}
