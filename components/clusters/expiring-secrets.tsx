// The cluster Overview's list of clients whose secret expires within 14 days
// or has expired, with the time left and a way to the API tab to rotate.
import Link from "next/link";
import type { ApiClientView } from "@/lib/api-clients/list-clients";
import { expiresInWords } from "@/lib/api-clients/secret-expiry";
import { count, plural } from "@/lib/text/counts";
import { Card } from "@/components/ui/page-header";
import { formatDateTime } from "@/components/ui/format";

export function ExpiringSecrets({ clusterId, clients, total, now }: { clusterId: string; clients: ApiClientView[]; total: number; now: Date }) {
  if (total === 0) return null;
  const href = `/clusters/${clusterId}/api?status=expiring&sort=name_asc`;
  return (
    <Card tone="danger">
      <section aria-labelledby="expiring-secrets-title">
        <div className="flex flex-wrap items-end justify-between gap-3 border-b border-slate-100 px-5 py-4">
          <div>
            <h2 id="expiring-secrets-title" className="text-base font-semibold text-slate-900">Expiring secrets</h2>
            <p className="mt-0.5 text-sm text-slate-600">
              {plural(total, {
                one: "One client's secret expires within 14 days or has expired. Rotate it before applications lose access.",
                other: `${count(total, { one: "client's secret", other: "clients' secrets" })} expire within 14 days or have expired. Rotate them before applications lose access.`,
              })}
            </p>
          </div>
          <Link href={href} className="text-sm font-medium text-brand-600 hover:underline">Show on the API tab →</Link>
        </div>
        <ul className="divide-y divide-slate-100">
          {clients.map((c) => (
            <li key={c.clientId} className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 px-5 py-3 text-sm">
              <span className="min-w-0 truncate font-medium text-slate-900">{c.name}</span>
              <span className={c.status === "expired" ? "font-medium text-red-700" : "text-amber-800"}>
                {c.status === "expired" ? (
                  "Expired: no working secret"
                ) : c.secretExpiresAt ? (
                  <time dateTime={c.secretExpiresAt.toISOString()} title={formatDateTime(c.secretExpiresAt)}>
                    Secret {expiresInWords(c.secretExpiresAt, now)}
                  </time>
                ) : null}
              </span>
            </li>
          ))}
        </ul>
      </section>
    </Card>
  );
}
