"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/components/ui/cn";

// The main sections. Rendered inline in the header from `md` up and in the
// slide-in menu (mobile-nav.tsx) below it: add a section here, it shows in both.
export const LINKS = [
  { href: "/clusters", label: "Clusters" },
  { href: "/members", label: "Members" },
  { href: "/activity", label: "Activity" },
  { href: "/organization", label: "Organization" },
];

export function NavLinks({ vertical = false, onNavigate }: { vertical?: boolean; onNavigate?: () => void }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Main" className={cn("flex min-w-0 gap-1", vertical ? "flex-col" : "items-center")}>
      {LINKS.map((l) => {
        const active = pathname === l.href || pathname.startsWith(`${l.href}/`);
        return (
          <Link
            key={l.href}
            href={l.href}
            onClick={onNavigate}
            aria-current={active ? "page" : undefined}
            className={cn(
              "shrink-0 rounded-md font-medium whitespace-nowrap",
              vertical ? "px-3 py-2.5 text-base" : "px-3 py-1.5 text-sm",
              active ? "bg-slate-100 text-slate-900" : "text-slate-600 hover:bg-slate-100 hover:text-slate-900",
            )}
          >
            {l.label}
          </Link>
        );
      })}
    </nav>
  );
}
