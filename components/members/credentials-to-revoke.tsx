"use client";
// In the confirmation of a role change or a removal: the Administration API
// credentials the member created, each with "Revoke" checked by default.
// Credentials belong to the organization, so they can be kept; kept ones keep
// their other permissions but no longer change members once their creator
// cannot (lib/members/owner-guard.ts).
import { useState } from "react";

export interface CreatedCredential {
  clientId: string;
  name: string;
}

/** The IDs checked for revocation: all of them to start with. */
export function useCredentialsToRevoke(credentials: CreatedCredential[]) {
  const [selected, setSelected] = useState<string[]>(() => credentials.map((c) => c.clientId));
  const toggle = (clientId: string, on: boolean) =>
    setSelected((s) => (on ? [...s.filter((id) => id !== clientId), clientId] : s.filter((id) => id !== clientId)));
  return { selected, toggle };
}

export function CredentialsToRevoke({
  name,
  credentials,
  selected,
  toggle,
}: {
  name: string;
  credentials: CreatedCredential[];
  selected: string[];
  toggle: (clientId: string, on: boolean) => void;
}) {
  if (credentials.length === 0) return null;
  return (
    <fieldset className="mb-4 space-y-2 rounded-lg p-3 ring-1 ring-slate-200">
      <legend className="px-1 text-sm font-medium text-slate-900">Administration API credentials {name} created</legend>
      <p className="text-sm text-slate-600">
        Revoked credentials stop working at once. Kept ones keep their other permissions, but can no longer change members.
      </p>
      <ul className="space-y-1.5">
        {credentials.map((c) => (
          <li key={c.clientId}>
            <label className="flex cursor-pointer items-start gap-2 text-sm text-slate-700">
              <input
                type="checkbox"
                name="revokeClientIds"
                value={c.clientId}
                checked={selected.includes(c.clientId)}
                onChange={(e) => toggle(c.clientId, e.target.checked)}
                className="mt-0.5 size-4 shrink-0 accent-brand-500"
              />
              <span className="min-w-0">
                Revoke <span className="font-medium text-slate-900 [overflow-wrap:anywhere]">{c.name}</span>
                <span className="block font-mono text-xs break-all text-slate-600">{c.clientId}</span>
              </span>
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
