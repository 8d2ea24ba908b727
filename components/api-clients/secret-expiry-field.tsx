"use client";
// "Secret expires": never, 30/90/365 days or a date, within the organization's
// maximum secret age (choices past it are not offered).
import { useId, useState } from "react";
import { inputClass } from "@/components/ui/field";
import { SECRET_EXPIRY_CHOICES, SECRET_EXPIRY_LABELS, type SecretExpiryChoice } from "@/lib/api-clients/secret-expiry";
import { count } from "@/lib/text/counts";

const CHOICE_DAYS: Partial<Record<SecretExpiryChoice, number>> = { "30d": 30, "90d": 90, "365d": 365 };

export function SecretExpiryField({ maxSecretAgeDays, errors }: { maxSecretAgeDays: number | null; errors?: { expiry?: string[]; expiresOn?: string[] } }) {
  const id = useId();
  const allowed = SECRET_EXPIRY_CHOICES.filter((c) => {
    if (maxSecretAgeDays === null) return true;
    if (c === "never") return false;
    const days = CHOICE_DAYS[c];
    return days === undefined || days <= maxSecretAgeDays;
  });
  const initial: SecretExpiryChoice = maxSecretAgeDays === null ? "never" : allowed.includes("90d") ? "90d" : allowed.includes("30d") ? "30d" : "date";
  const [choice, setChoice] = useState<SecretExpiryChoice>(initial);
  const error = errors?.expiry?.[0] ?? errors?.expiresOn?.[0];
  const max = maxSecretAgeDays === null ? undefined : new Date(Date.now() + maxSecretAgeDays * 86_400_000).toISOString().slice(0, 10);
  const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  return (
    <div className="space-y-1.5">
      <label htmlFor={`${id}-expiry`} className="block text-sm font-medium text-slate-800">Secret expires</label>
      <div className="flex flex-wrap gap-2">
        <select
          id={`${id}-expiry`}
          name="expiry"
          value={choice}
          onChange={(e) => setChoice(e.target.value as SecretExpiryChoice)}
          aria-invalid={error ? true : undefined}
          aria-describedby={`${id}-hint${error ? ` ${id}-error` : ""}`}
          className="h-9 rounded-md border-0 bg-white py-1.5 pr-8 pl-3 text-sm text-slate-900 ring-1 ring-slate-300 ring-inset focus:ring-2 focus:ring-brand-500 focus:outline-none"
        >
          {allowed.map((c) => (
            <option key={c} value={c}>{c === "date" ? SECRET_EXPIRY_LABELS[c] : c === "never" ? "Never" : `In ${SECRET_EXPIRY_LABELS[c]}`}</option>
          ))}
        </select>
        {choice === "date" && (
          <input
            type="date"
            name="expiresOn"
            aria-label="Expiry date"
            min={tomorrow}
            max={max}
            required
            aria-invalid={errors?.expiresOn ? true : undefined}
            className={`${inputClass} h-9 w-auto`}
          />
        )}
      </div>
      <p id={`${id}-hint`} className="text-xs text-slate-500">
        {maxSecretAgeDays === null
          ? "After this the secret stops working; the list warns 14 days before."
          : `Your organization allows secrets of at most ${count(maxSecretAgeDays, "day")}. The list warns 14 days before expiry.`}
        {choice === "date" && " The secret stops at 00:00 UTC on that date."}
      </p>
      {error && <p id={`${id}-error`} role="alert" className="text-sm text-red-600">{error}</p>}
    </div>
  );
}
