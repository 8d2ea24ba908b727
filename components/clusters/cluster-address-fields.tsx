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

/** The registered addresses' fields, in the order the form shows them. */
const ADDRESS_FIELDS: { name: keyof AddressDefaults; label: string; placeholder: string; hint?: string; type?: "url" }[] = [
  { name: "grpcAddress", label: "gRPC address", placeholder: "grpcs://zeebe.example.com:443", hint: "grpcs://host:port (TLS) or grpc://host:port (plaintext)" },
  { name: "restAddress", label: "REST address", placeholder: "https://zeebe.example.com", hint: "The Orchestration Cluster API's base URL, without /v2", type: "url" },
  { name: "operateUrl", label: "Operate URL (optional)", placeholder: "https://operate.example.com", type: "url" },
  { name: "tasklistUrl", label: "Tasklist URL (optional)", placeholder: "https://tasklist.example.com", type: "url" },
  { name: "optimizeUrl", label: "Optimize URL (optional)", placeholder: "https://optimize.example.com", type: "url" },
];

const MODES = [
  ["derived", "Derived", "SaaS-style addresses made up from the cluster ID, for demos"],
  ["registered", "Registered", "The real addresses of a cluster you run"],
] as const;

type Mode = (typeof MODES)[number][0];

export function ClusterAddressFields({ defaults, errors }: { defaults?: AddressDefaults; errors: Errors }) {
  const [mode, setMode] = useState<Mode>(defaults?.grpcAddress ? "registered" : "derived");
  return (
    <fieldset className="space-y-3">
      <legend className="text-sm font-medium text-slate-800">Addresses</legend>
      <ModeChoice mode={mode} onChange={setMode} />
      {errors?.addresses?.[0] && (
        <p className="text-sm text-red-600" role="alert">
          {errors.addresses[0]}
        </p>
      )}
      {mode === "registered" && (
        <div className="space-y-3">
          {ADDRESS_FIELDS.map(({ name, label, placeholder, hint, type }) => (
            <Field key={name} label={label} hint={hint} errors={errors?.[name]}>
              {(p) => (
                <input
                  {...p}
                  name={name}
                  type={type}
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

function ModeChoice({ mode, onChange }: { mode: Mode; onChange: (mode: Mode) => void }) {
  const id = useId();
  return (
    <div className="grid gap-2 sm:grid-cols-2">
      {MODES.map(([value, label, hint]) => (
        <label
          key={value}
          className="flex cursor-pointer items-start gap-2 rounded-md p-3 ring-1 ring-slate-200 has-[:checked]:ring-2 has-[:checked]:ring-brand-500"
        >
          <input
            type="radio"
            name="addresses"
            value={value}
            checked={mode === value}
            onChange={() => onChange(value)}
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
  );
}
