// Small, presentational pieces of the client list.
import { SCOPE_LABELS, type ClientScopeName } from "@cluster-console/credentials";
import type { ClientStatus } from "@/lib/api-clients/list-clients";
import { formatDate, formatDateTime } from "@/components/ui/format";
import { expiresInWords } from "@/lib/api-clients/secret-expiry";

export function ScopeBadges({ scopes }: { scopes: ClientScopeName[] }) {
  return (
    // Each badge's look: `.scope-badges > li` in app/globals.css (once per page, not per badge).
    <ul aria-label="Scopes" className="scope-badges flex flex-wrap gap-1">
      {scopes.map((s) => (
        <li key={s}>{SCOPE_LABELS[s]}</li>
      ))}
    </ul>
  );
}

const STATUS = {
  active: { label: "Active", dot: "bg-emerald-500", text: "text-emerald-800 bg-emerald-50 ring-emerald-200" },
  rotating: { label: "Rotating", dot: "bg-amber-500", text: "text-amber-800 bg-amber-50 ring-amber-200" },
  expiring: { label: "Expiring", dot: "bg-amber-500", text: "text-amber-800 bg-amber-50 ring-amber-200" },
  expired: { label: "Expired", dot: "bg-red-500", text: "text-red-800 bg-red-50 ring-red-200" },
  revoked: { label: "Revoked", dot: "bg-slate-400", text: "text-slate-600 bg-slate-100 ring-slate-200" },
} as const;

export function StatusBadge({
  status,
  secretExpiresAt,
  previousSecretExpiresAt,
  revokedAt,
  revokedByEmail,
  now = new Date(),
}: {
  status: ClientStatus;
  secretExpiresAt?: Date | null;
  previousSecretExpiresAt: Date | null;
  now?: Date;
  revokedAt: Date | null;
  revokedByEmail: string | null;
}) {
  const s = STATUS[status];
  const detail =
    status === "rotating" && previousSecretExpiresAt
      ? `Old secret valid until ${formatDateTime(previousSecretExpiresAt)}`
      : status === "expiring" && secretExpiresAt
        ? `Secret ${expiresInWords(secretExpiresAt, now)} (${formatDateTime(secretExpiresAt)})`
        : status === "expired"
          ? "No working secret: rotate to issue a new one"
          : status === "revoked" && revokedAt
        ? `${formatDateTime(revokedAt)}${revokedByEmail ? ` by ${revokedByEmail}` : ""}`
        : null;
  return (
    <div>
      <span className={`status-badge ${s.text}`}>
        <span aria-hidden="true" className={`size-1.5 rounded-full ${s.dot}`} />
        {s.label}
      </span>
      {detail && <span className="mt-1 block max-w-[11rem] text-[11px] leading-tight text-slate-500">{detail}</span>}
    </div>
  );
}

export function SecretHint({ hint }: { hint: string | null }) {
  if (!hint) return <span className="text-slate-600">—</span>;
  return (
    <code className="font-mono text-xs text-slate-700">
      <span className="sr-only">Secret ending in </span>
      <span aria-hidden="true" className="tracking-tighter text-slate-500">••••</span>
      {hint}
    </code>
  );
}

/**
 * When the current secret stops working, as a date: "Expires 7 Mar 2027" or
 * "No expiry", in the list whatever the status (the status badge adds the
 * countdown in the last 14 days). Nothing for a client without a live secret.
 */
export function SecretExpiryDate({ expiresAt, live }: { expiresAt: Date | null; live: boolean }) {
  if (!live) return null;
  return (
    <span className="mt-1 block text-[11px] leading-tight whitespace-nowrap text-slate-600" title={expiresAt ? formatDateTime(expiresAt) : undefined}>
      {expiresAt ? `Expires ${formatDate(expiresAt)}` : "No expiry"}
    </span>
  );
}
