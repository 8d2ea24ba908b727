"use client";
// Accessible modal dialog on Radix: focus trap, Escape, aria-labelledby.
import { Dialog as D } from "radix-ui";
import { cn } from "@/components/ui/cn";

export const Dialog = D.Root;
export const DialogTrigger = D.Trigger;
export const DialogClose = D.Close;

export function DialogContent({
  title,
  description,
  children,
  className,
  ...props
}: {
  title: string;
  description?: React.ReactNode;
  children: React.ReactNode;
  className?: string;
} & Omit<React.ComponentProps<typeof D.Content>, "title">) {
  return (
    <D.Portal>
      <D.Overlay className="fixed inset-0 z-40 bg-slate-900/40 backdrop-blur-[1px]" />
      <D.Content
        {...props}
        className={cn(
          "fixed top-1/2 left-1/2 z-50 max-h-[90vh] w-[min(34rem,calc(100vw-2rem))] -translate-x-1/2 -translate-y-1/2 overflow-y-auto rounded-xl bg-white p-6 shadow-xl ring-1 ring-slate-200 focus:outline-none",
          className,
        )}
      >
        <D.Title className="text-lg font-semibold text-slate-900">{title}</D.Title>
        {description ? (
          <D.Description className="mt-1 text-sm text-slate-600">{description}</D.Description>
        ) : (
          <D.Description className="sr-only">{title}</D.Description>
        )}
        <div className="mt-5">{children}</div>
      </D.Content>
    </D.Portal>
  );
}
