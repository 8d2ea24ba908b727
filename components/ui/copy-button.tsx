"use client";
// Copy to the clipboard. The Clipboard API exists only on HTTPS and
// localhost; elsewhere (a console reached over plain HTTP on a LAN) or when
// the browser refuses, the value opens in a small popover, already selected,
// with "press Ctrl+C" - the copy is never silently lost.
import { useRef, useState } from "react";
import { Popover } from "radix-ui";
import { cn } from "@/components/ui/cn";

const isMac = () => typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

export function CopyButton({ value, label, className }: { value: string; label: string; className?: string }) {
  const [copied, setCopied] = useState(false);
  const [manual, setManual] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const done = () => {
    setCopied(true);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setCopied(false), 1500);
  };
  return (
    <Popover.Root open={manual} onOpenChange={setManual}>
      <Popover.Anchor asChild>
        <button
          type="button"
          aria-label={`Copy ${label}`}
          onClick={async () => {
            try {
              if (!navigator.clipboard?.writeText) throw new Error("no clipboard");
              await navigator.clipboard.writeText(value);
              done();
            } catch {
              setManual(true);
            }
          }}
          className={cn(
            "shrink-0 rounded-md px-2 py-1 text-xs font-medium text-slate-700 ring-1 ring-slate-300 hover:bg-slate-50",
            className,
          )}
        >
          <span aria-live="polite">{copied ? "Copied" : "Copy"}</span>
        </button>
      </Popover.Anchor>
      <Popover.Portal>
        <Popover.Content
          align="end"
          sideOffset={6}
          collisionPadding={8}
          aria-label={`Copy ${label} by hand`}
          onOpenAutoFocus={(e) => {
            e.preventDefault();
            const input = (e.currentTarget as HTMLElement).querySelector("input");
            input?.focus();
            input?.select();
          }}
          className="z-[60] w-[min(22rem,calc(100vw-1rem))] rounded-lg bg-white p-3 shadow-lg ring-1 ring-slate-200"
        >
          <p className="text-sm text-slate-800" role="status">
            Press <kbd className="rounded bg-slate-100 px-1 font-mono text-xs ring-1 ring-slate-300">{isMac() ? "⌘C" : "Ctrl+C"}</kbd>{" "}
            to copy. This browser does not let the page copy for you here.
          </p>
          <input
            readOnly
            value={value}
            aria-label={label}
            onCopy={() => {
              done();
              setTimeout(() => setManual(false), 300);
            }}
            onFocus={(e) => e.currentTarget.select()}
            className="mt-2 block w-full rounded-md border-0 bg-slate-50 px-2 py-1.5 font-mono text-xs text-slate-900 ring-1 ring-slate-300 ring-inset"
          />
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
}
