"use client";
// One toaster for the whole app (root layout). Sonner renders an aria-live
// "polite" region that exists before the first toast, so screen readers
// announce each one. Colours come from the theme tokens, so toasts follow
// light and dark mode. Call `notify.success(...)` / `notify.error(...)`.
import { Toaster as Sonner, toast } from "sonner";

export const notify = {
  success: (message: string, description?: string) => toast.success(message, { description }),
  error: (message: string, description?: string) => toast.error(message, { description, duration: 8000 }),
};

export function Toaster() {
  return (
    <Sonner
      // Top: on a phone the bottom belongs to dialog sheets and their buttons.
      position="top-center"
      closeButton
      toastOptions={{
        unstyled: true,
        classNames: {
          toast:
            "relative flex w-[min(24rem,calc(100vw-2rem))] items-start gap-3 rounded-lg bg-white px-4 py-3 text-sm text-slate-900 shadow-lg ring-1 ring-slate-200",
          title: "font-medium [overflow-wrap:anywhere]",
          content: "min-w-0 flex-1 pr-5",
          description: "mt-0.5 text-slate-600 [overflow-wrap:anywhere]",
          icon: "mt-0.5 shrink-0",
          success: "[&_[data-icon]]:text-emerald-600",
          error: "ring-red-300 [&_[data-icon]]:text-red-600",
          closeButton:
            "absolute top-2 right-2 rounded p-1 text-slate-500 hover:bg-slate-100 hover:text-slate-900",
        },
      }}
    />
  );
}
