"use client";
// Tabs that are routes (deep links, server rendering) presented as an ARIA
// tablist by Radix: arrow keys move between tabs, Enter or Space opens one.
// The active tab is the one whose address is the longest prefix of the
// current path (a section's own sub-pages keep it active); none matching
// means the first. More tabs than a phone's width scroll sideways in their
// row (the focused tab scrolls into view, and so does the active one when a
// page opens), never the page; the row's rule is an inset shadow so the
// scrolling row clips nothing of the active tab's.
import { useEffect, useRef } from "react";
import { usePathname, useRouter } from "next/navigation";
import { Tabs } from "radix-ui";

export interface RouteTab {
  value: string;
  label: string;
  href: string;
}

export function RouteTabs({ label, tabs, children }: { label: string; tabs: readonly RouteTab[]; children: React.ReactNode }) {
  const pathname = usePathname();
  const router = useRouter();
  const matching = tabs.filter((t) => pathname === t.href || pathname.startsWith(`${t.href}/`));
  const active = matching.sort((a, b) => b.href.length - a.href.length)[0]?.value ?? tabs[0]!.value;

  useEffect(() => {
    for (const t of tabs) router.prefetch(t.href);
  }, [tabs, router]);

  // On a phone the row may start scrolled away from the section one is in: bring its tab into the row's view.
  const row = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const list = row.current;
    const tab = list?.querySelector<HTMLElement>(`[data-tab="${active}"]`);
    if (!list || !tab) return;
    const [l, t] = [list.getBoundingClientRect(), tab.getBoundingClientRect()];
    if (t.left < l.left) list.scrollLeft += t.left - l.left - 16;
    else if (t.right > l.right) list.scrollLeft += t.right - l.right + 16;
  }, [active]);

  return (
    <Tabs.Root
      value={active}
      activationMode="manual"
      onValueChange={(v) => router.push(tabs.find((t) => t.value === v)?.href ?? tabs[0]!.href)}
    >
      <Tabs.List
        ref={row}
        aria-label={label}
        className="flex gap-4 overflow-x-auto overflow-y-hidden shadow-[inset_0_-1px_0_0_var(--color-slate-200)] sm:gap-6"
      >
        {tabs.map((t) => (
          <Tabs.Trigger
            key={t.value}
            value={t.value}
            data-tab={t.value}
            className="shrink-0 whitespace-nowrap border-b-2 border-transparent px-1 pb-2.5 text-sm font-medium text-slate-500 hover:text-slate-800 data-[state=active]:border-brand-500 data-[state=active]:text-slate-900"
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
