"use client";
// Accessible modal dialog on Radix: focus trap, Escape, aria-labelledby.
// Phones (< 640 px): a sheet along the bottom edge, full width, scrolling
// inside the overlay when taller than the screen. From `sm` up: centred.
// The content sits inside the overlay (Radix's scrollable-overlay pattern),
// so nothing is positioned with transforms that could push it off-screen.
import { Dialog as D } from "radix-ui";
import { cn } from "@/components/ui/cn";

export const Dialog = D.Root;
export const DialogTrigger = D.Trigger;
export const DialogClose = D.Close;

const SIZES = { md: "sm:max-w-[34rem]", lg: "sm:max-w-[40rem]" } as const;

export function DialogContent({
  title,
  description,
  children,
  className,
  size = "md",
  hideClose = false,
  ...props
}: {
  title: React.ReactNode;
  description?: React.ReactNode;
  children: React.ReactNode;
  className?: string;
  size?: keyof typeof SIZES;
  /** Leave out the corner close button (the dialog offers its own way out). */
  hideClose?: boolean;
} & Omit<React.ComponentProps<typeof D.Content>, "title">) {
  return (
    <D.Portal>
      <D.Overlay className="fixed inset-0 z-40 flex items-end justify-center overflow-y-auto bg-black/50 sm:items-center sm:p-4">
        <D.Content
          {...props}
          className={cn(
            "relative w-full rounded-t-2xl bg-white px-4 pt-5 pb-[max(1.25rem,env(safe-area-inset-bottom))] shadow-xl ring-1 ring-slate-200 focus:outline-none sm:my-auto sm:rounded-xl sm:p-6",
            SIZES[size],
            className,
          )}
        >
          <D.Title className="pr-8 text-lg font-semibold text-slate-900 [overflow-wrap:anywhere]">{title}</D.Title>
          {description ? (
            <D.Description className="mt-1 text-sm text-slate-600 [overflow-wrap:anywhere]">{description}</D.Description>
          ) : (
            <D.Description className="sr-only">{title}</D.Description>
          )}
          <div className="mt-5">{children}</div>
          {/* After the content: the first field, not this, gets focus on open. */}
          {!hideClose && (
            <D.Close
              aria-label="Close"
              className="absolute top-3 right-3 flex size-8 items-center justify-center rounded-md text-slate-500 hover:bg-slate-100 hover:text-slate-900 sm:top-4 sm:right-4"
            >
              <svg aria-hidden="true" viewBox="0 0 20 20" className="size-4" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round">
                <path d="M5 5l10 10M15 5L5 15" />
              </svg>
            </D.Close>
          )}
        </D.Content>
      </D.Overlay>
    </D.Portal>
  );
}
