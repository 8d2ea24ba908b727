"use client";
// Any page that fails on the server lands here instead of Next.js's bare 500
// page. Most often the database is briefly unreachable: scripts/serve.ts then
// sends this page with a 503 (lib/db/outage-gate.ts). Nothing about the error
// is shown but its digest, which matches the server log line.
import { buttonClass } from "@/components/ui/button";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="flex min-h-[60vh] flex-col items-center justify-center px-6 text-center">
      <p className="text-sm font-semibold text-brand-600">Temporarily unavailable</p>
      <h1 className="mt-2 text-2xl font-semibold text-slate-900">This page could not be loaded</h1>
      <p className="mt-2 max-w-md text-sm text-slate-600">
        The console could not complete the request, usually because its database is briefly unreachable. Nothing you saved
        is lost; try again in a few seconds.
      </p>
      <button type="button" onClick={() => reset()} className={`${buttonClass("secondary")} mt-6`}>
        Try again
      </button>
      {error.digest && <p className="mt-6 font-mono text-xs text-slate-500">Reference {error.digest}</p>}
    </main>
  );
}
