"use client";
// The address part of the create and edit forms: addresses derived from the
// region (the default, for demos), or the cluster's real ones. UI only; the
// server parses and normalizes every field (lib/clusters/schemas.ts).
import { useId, useState } from "react";
import { Field, inputClass } from "@/components/ui/field";

export interface AddressDefaults {
  grpcAddress?: string | null;
  restAddress?: string | null;
  operateUrl?: string | null;
  tasklistUrl?: string | null;
  optimizeUrl?: string | null;
}

type Errors = Record<string, string[] | undefined> | undefined;

const OPTIONAL_URLS = [
  ["operateUrl", "Operate URL (optional)", "https://operate.example.com"],
  ["tasklistUrl", "Tasklist URL (optional)", "https://tasklist.example.com"],
  ["optimizeUrl", "Optimize URL (optional)", "https://optimize.example.com"],
] as const;

export function ClusterAddressFields({ defaults, errors }: { defaults?: AddressDefaults; errors: Errors }) {
  const id = useId();
  const [mode, setMode] = useState<"derived" | "registered">(defaults?.grpcAddress ? "registered" : "derived");
  return (
    <fieldset className="space-y-3">
      <legend className="text-sm font-medium text-slate-800">Addresses</legend>
      <div className="grid gap-2 sm:grid-cols-2">
        {(
          [
            ["derived", "Derived", "SaaS-style addresses made up from the cluster ID, for demos"],
            ["registered", "Registered", "The real addresses of a cluster you run"],
          ] as const
        ).map(([value, label, hint]) => (
          <label
            key={value}
            className="flex cursor-pointer items-start gap-2 rounded-md p-3 ring-1 ring-slate-200 has-[:checked]:ring-2 has-[:checked]:ring-brand-500"
          >
            <input
              type="radio"
              name="addresses"
              value={value}
              checked={mode === value}
              onChange={() => setMode(value)}
              aria-labelledby={`${id}-${value}`}
              aria-describedby={`${id}-${value}-hint`}
              className="mt-0.5"
            />
            <span className="min-w-0">
              <span id={`${id}-${value}`} className="block text-sm font-medium text-slate-900">
                {label}
              </span>
              <span id={`${id}-${value}-hint`} className="block text-xs text-slate-500">
                {hint}
              </span>
            </span>
          </label>
        ))}
      </div>
      {errors?.addresses?.[0] && (
        <p className="text-sm text-red-600" role="alert">
          {errors.addresses[0]}
        </p>
      )}
      {mode === "registered" && (
        <div className="space-y-3">
          <Field label="gRPC address" hint="grpcs://host:port (TLS) or grpc://host:port (plaintext)" errors={errors?.grpcAddress}>
            {(p) => (
              <input
                {...p}
                name="grpcAddress"
                defaultValue={defaults?.grpcAddress ?? ""}
                placeholder="grpcs://zeebe.example.com:443"
                autoComplete="off"
                spellCheck={false}
                className={inputClass}
              />
            )}
          </Field>
          <Field label="REST address" hint="The Orchestration Cluster API's base URL, without /v2" errors={errors?.restAddress}>
            {(p) => (
              <input
                {...p}
                name="restAddress"
                type="url"
                defaultValue={defaults?.restAddress ?? ""}
                placeholder="https://zeebe.example.com"
                autoComplete="off"
                spellCheck={false}
                className={inputClass}
              />
            )}
          </Field>
          {OPTIONAL_URLS.map(([name, label, placeholder]) => (
            <Field key={name} label={label} errors={errors?.[name]}>
              {(p) => (
                <input
                  {...p}
                  name={name}
                  type="url"
                  defaultValue={defaults?.[name] ?? ""}
                  placeholder={placeholder}
                  autoComplete="off"
                  spellCheck={false}
                  className={inputClass}
                />
              )}
            </Field>
          ))}
        </div>
      )}
    </fieldset>
  );
}
