// Placeholders shown by the console's loading.tsx files while a page's data
// loads: the shape of what is coming, announced once as "Loading…".
import { cn } from "@/components/ui/cn";

export function Skeleton({ className }: { className?: string }) {
  return <div aria-hidden="true" className={cn("animate-pulse rounded-md bg-slate-200 motion-reduce:animate-none", className)} />;
}

/** A page heading, then a card of `rows` list rows. */
export function ListSkeleton({ rows = 5, heading = true }: { rows?: number; heading?: boolean }) {
  return (
    <div role="status" className="space-y-6">
      <span className="sr-only">Loading…</span>
      {heading && (
        <div className="space-y-2">
          <Skeleton className="h-7 w-40" />
          <Skeleton className="h-4 w-full max-w-md" />
        </div>
      )}
      <div className="divide-y divide-slate-100 rounded-xl bg-white ring-1 ring-slate-200">
        {Array.from({ length: rows }, (_, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: static placeholders, never reordered
          <div key={i} className="flex items-center gap-4 px-4 py-4">
            <Skeleton className="h-4 w-1/3" />
            <Skeleton className="h-4 w-1/5" />
            <Skeleton className="ml-auto h-4 w-24" />
          </div>
        ))}
      </div>
    </div>
  );
}
