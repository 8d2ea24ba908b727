// What happens to the current secret when a new one is issued: the choice
// both rotate dialogs (a cluster's API client, Administration API
// credentials) offer, posted as `grace`.
const GRACE_OPTIONS = [
  { value: "now", label: "Revoke the old secret now", hint: "Applications using it fail at once. Use this if it leaked." },
  { value: "1h", label: "Keep it valid for 1 hour", hint: "Time to redeploy applications with the new secret." },
  { value: "24h", label: "Keep it valid for 24 hours", hint: "" },
  { value: "7d", label: "Keep it valid for 7 days", hint: "" },
] as const;

export function GracePeriodChoice() {
  return (
    <fieldset>
      <legend className="text-sm font-medium text-slate-800">What happens to the current secret?</legend>
      <div className="mt-2 space-y-2">
        {GRACE_OPTIONS.map((o) => (
          <label
            key={o.value}
            className="flex cursor-pointer gap-3 rounded-lg px-3 py-2.5 ring-1 ring-slate-200 hover:bg-slate-50 has-[:checked]:bg-brand-50/60 has-[:checked]:ring-brand-500"
          >
            <input
              type="radio"
              name="grace"
              value={o.value}
              defaultChecked={o.value === "now"}
              aria-labelledby={`grace-${o.value}`}
              aria-describedby={o.hint ? `grace-${o.value}-hint` : undefined}
              className="mt-0.5 size-4 accent-brand-500"
            />
            <span>
              <span id={`grace-${o.value}`} className="block text-sm font-medium text-slate-900">{o.label}</span>
              {o.hint && <span id={`grace-${o.value}-hint`} className="block text-xs text-slate-500">{o.hint}</span>}
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
