"use client";
// A client's own token lifetime and rate limit, in its edit dialog: empty
// fields mean the instance's values. The limits come from the organization's
// bounds (packages/credentials/src/client-policies.ts), checked again by the server.
import { Field, inputClass } from "@/components/ui/field";
import type { TokenPolicyLimits } from "@cluster-console/credentials";
import { duration } from "@/lib/text/counts";

export type { TokenPolicyLimits };

export function TokenPolicyFields({
  limits,
  tokenTtlSeconds,
  tokenRateLimit,
  errors,
}: {
  limits: TokenPolicyLimits;
  tokenTtlSeconds: number | null;
  tokenRateLimit: number | null;
  errors?: Record<string, string[] | undefined>;
}) {
  const seconds = limits.instance.clientRateLimitWindowSeconds;
  const window = seconds === 60 ? "minute" : seconds === 3600 ? "hour" : duration(seconds);
  return (
    <fieldset className="space-y-3">
      <legend className="text-sm font-medium text-slate-800">Token policy</legend>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          label="Token lifetime (seconds)"
          hint={`Empty: ${duration(Math.min(limits.ttlMax, Math.max(limits.ttlMin, limits.instance.tokenTtlSeconds)))}. Allowed: ${duration(limits.ttlMin)} to ${duration(limits.ttlMax)}.`}
          errors={errors?.tokenTtlSeconds}
        >
          {(p) => (
            <input {...p} name="tokenTtlSeconds" inputMode="numeric" autoComplete="off" defaultValue={tokenTtlSeconds ?? ""} placeholder={String(limits.instance.tokenTtlSeconds)} className={inputClass} />
          )}
        </Field>
        <Field
          label={`Token requests per ${window}`}
          hint={`Empty: ${limits.instance.clientRateLimit}. At most ${limits.maxRateLimit}.`}
          errors={errors?.tokenRateLimit}
        >
          {(p) => (
            <input {...p} name="tokenRateLimit" inputMode="numeric" autoComplete="off" defaultValue={tokenRateLimit ?? ""} placeholder={String(limits.instance.clientRateLimit)} className={inputClass} />
          )}
        </Field>
      </div>
      <p className="text-xs text-slate-500">Applies to the next token request on every instance; tokens already issued keep their lifetime.</p>
    </fieldset>
  );
}
