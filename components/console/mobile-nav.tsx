"use client";
// Below `md` the header has no room for the section links: a "Menu" button
// opens them in a sheet sliding in from the left (a Radix dialog: focus is
// trapped, Escape closes, focus returns to the button).
import { useState } from "react";
import { Dialog as D } from "radix-ui";
import { NavLinks } from "./nav-links";

export function MobileNav({ organizationName }: { organizationName: string }) {
  const [open, setOpen] = useState(false);
  return (
    <D.Root open={open} onOpenChange={setOpen}>
      <D.Trigger
        aria-label="Open menu"
        className="-ml-1.5 flex size-9 items-center justify-center rounded-md text-slate-700 hover:bg-slate-100 md:hidden"
      >
        <svg aria-hidden="true" viewBox="0 0 20 20" className="size-5" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round">
          <path d="M3 5.5h14M3 10h14M3 14.5h14" />
        </svg>
      </D.Trigger>
      <D.Portal>
        <D.Overlay className="fixed inset-0 z-40 bg-black/50" />
        <D.Content className="fixed inset-y-0 left-0 z-50 flex w-[min(18rem,85vw)] flex-col gap-4 bg-white p-4 shadow-xl ring-1 ring-slate-200 focus:outline-none">
          <div className="flex items-center justify-between">
            <D.Title className="text-sm font-semibold text-slate-900">Menu</D.Title>
            <D.Close aria-label="Close menu" className="flex size-9 items-center justify-center rounded-md text-slate-600 hover:bg-slate-100">
              <svg aria-hidden="true" viewBox="0 0 20 20" className="size-5" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round">
                <path d="M5 5l10 10M15 5L5 15" />
              </svg>
            </D.Close>
          </div>
          <D.Description className="text-xs text-slate-500">
            Organization <span className="block truncate text-sm font-medium text-slate-800">{organizationName}</span>
          </D.Description>
          <NavLinks vertical onNavigate={() => setOpen(false)} />
        </D.Content>
      </D.Portal>
    </D.Root>
  );
}
