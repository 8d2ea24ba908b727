"use client";
// The detail view's tabs are routes (deep links, server rendering) presented
// as an ARIA tablist by Radix: arrow keys move between tabs, Enter or Space
// opens one.
import { useEffect } from "react";
import { usePathname, useRouter } from "next/navigation";
import { Tabs } from "radix-ui";

const TABS = [
  { value: "overview", label: "Overview", suffix: "" },
  { value: "api", label: "API", suffix: "/api" },
  { value: "activity", label: "Activity", suffix: "/activity" },
] as const;

export function ClusterTabs({ clusterId, children }: { clusterId: string; children: React.ReactNode }) {
  const pathname = usePathname();
  const router = useRouter();
  const base = `/clusters/${clusterId}`;
  const active = TABS.find((t) => t.suffix && pathname.startsWith(base + t.suffix))?.value ?? "overview";

  useEffect(() => {
    for (const t of TABS) router.prefetch(base + t.suffix);
  }, [base, router]);

  return (
    <Tabs.Root
      value={active}
      activationMode="manual"
      onValueChange={(v) => router.push(base + (TABS.find((t) => t.value === v)?.suffix ?? ""))}
    >
      <Tabs.List aria-label="Cluster sections" className="flex gap-6 border-b border-slate-200">
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
