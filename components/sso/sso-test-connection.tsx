"use client";
// "Test connection": runs the three checks of the saved provider and lists them.
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";
import type { ActionResult } from "@/lib/auth/authed-action";
import type { ConnectionReport } from "@/lib/sso/test-connection";

export function SsoTestConnection({ action }: { action: (prev: unknown, input: FormData) => Promise<ActionResult<ConnectionReport>> }) {
  const [result, setResult] = useState<ActionResult<ConnectionReport>>();
  const [pending, start] = useTransition();
  return (
    <div className="space-y-3">
      <Button variant="secondary" disabled={pending} onClick={() => start(async () => setResult(await action(undefined, new FormData())))}>
        {pending ? "Testing…" : "Test connection"}
      </Button>
      <div aria-live="polite">
        {result && !result.ok && <FormError message={result.error} />}
        {result?.ok && (
          <ul className="space-y-2 text-sm" aria-label="Connection checks">
            {result.data.checks.map((c) => (
              <li key={c.name} className="flex gap-2">
                <span aria-hidden className={c.ok ? "text-emerald-700" : "text-red-700"}>{c.ok ? "✓" : "✗"}</span>
                <span className="min-w-0 break-words">
                  <span className="font-medium text-slate-900">{c.name}: {c.ok ? "works" : "failed"}.</span>{" "}
                  <span className="text-slate-700">{c.detail}</span>
                </span>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
