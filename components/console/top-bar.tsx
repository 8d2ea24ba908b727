import Link from "next/link";
import { Logo } from "@/components/logo";
import { NavLinks } from "@/components/console/nav-links";
import { UserMenu } from "@/components/console/user-menu";
import { ROLE_LABELS } from "@/lib/auth/roles";
import type { Member } from "@/lib/auth/session";

export function TopBar({ member }: { member: Member }) {
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex h-14 max-w-6xl items-center gap-6 px-6">
        <Link href="/clusters" aria-label="Cluster Console home">
          <Logo />
        </Link>
        <span role="group" className="hidden items-center gap-2 text-sm text-slate-500 sm:flex" aria-label="Organization">
          <span aria-hidden="true" className="text-slate-300">/</span>
          <span className="font-medium text-slate-800">{member.organizationName}</span>
        </span>
        <NavLinks />
        <div className="ml-auto">
          <UserMenu name={member.name} email={member.email} role={ROLE_LABELS[member.role]} />
        </div>
      </div>
    </header>
  );
}
