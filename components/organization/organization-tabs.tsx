"use client";
// The organization page's tabs, routes presented as an ARIA tablist (as the
// cluster view's): one section per organization-wide setting.
import { usePathname, useRouter } from "next/navigation";
import { Tabs } from "radix-ui";

const TABS = [
  { value: "administration-api", label: "Administration API", href: "/organization/administration-api" },
  { value: "secrets", label: "Client secrets", href: "/organization/secrets" },
] as const;

export function OrganizationTabs({ children }: { children: React.ReactNode }) {
  const pathname = usePathname();
  const router = useRouter();
  const active = TABS.find((t) => pathname.startsWith(t.href))?.value ?? TABS[0].value;
  return (
    <Tabs.Root value={active} activationMode="manual" onValueChange={(v) => router.push(TABS.find((t) => t.value === v)?.href ?? TABS[0].href)}>
      <Tabs.List aria-label="Organization sections" className="flex gap-6 border-b border-slate-200">
        {TABS.map((t) => (
          <Tabs.Trigger
            key={t.value}
            value={t.value}
            className="-mb-px border-b-2 border-transparent px-1 pb-2.5 text-sm font-medium text-slate-500 hover:text-slate-800 data-[state=active]:border-brand-500 data-[state=active]:text-slate-900"
          >
            {t.label}
          </Tabs.Trigger>
        ))}
      </Tabs.List>
      <Tabs.Content value={active} className="pt-6 focus:outline-none">
        {children}
      </Tabs.Content>
    </Tabs.Root>
  );
}
