import Link from "next/link";
import type { AuditEventView } from "@/lib/audit/list-events";
import { Card, EmptyState } from "@/components/ui/page-header";
import { formatDateTime } from "@/components/ui/format";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { SCOPE_LABELS, type ClientScopeName } from "@/lib/api-clients/scopes";

// Stored values are enum names (OPERATIONS_ENGINEER, "ZEEBE,TASKLIST"); people read labels.
const role = (v: unknown) => (typeof v === "string" && v in ROLE_LABELS ? ROLE_LABELS[v as keyof typeof ROLE_LABELS] : String(v));
const scopes = (v: string) =>
  v
    .split(",")
    .map((s) => SCOPE_LABELS[s as ClientScopeName] ?? s)
    .join(", ");

const ACTION_LABELS: Record<string, string> = {
  "organization.created": "created the organization",
  "member.added": "added member",
  "member.role_changed": "changed the role of",
  "member.removed": "removed member",
  "cluster.created": "created cluster",
  "cluster.deleted": "deleted cluster",
  "cluster.addresses_changed": "changed the addresses of cluster",
  "client.created": "created API client",
  "client.secret_rotated": "rotated the secret of API client",
  "client.revoked": "revoked API client",
  "cluster.renamed": "renamed cluster",
  "admin_client.created": "created Administration API credentials",
  "admin_client.secret_rotated": "rotated the secret of Administration API credentials",
  "admin_client.revoked": "revoked Administration API credentials",
  "client.renamed": "renamed API client",
  "client.description_changed": "changed the description of API client",
  "client.scopes_changed": "changed the scopes of API client",
  "client.deleted": "deleted revoked API client",
};

function details(e: AuditEventView): string | null {
  const m = e.metadata;
  if (e.action === "member.role_changed") return `${role(m.from)} → ${role(m.to)}`;
  if (e.action === "cluster.renamed") return `${m.from} → ${m.to}`;
  if (e.action === "cluster.addresses_changed") return typeof m.restAddress === "string" ? `REST ${m.restAddress}` : "addresses derived from the region";
  if (typeof m.role === "string") return `role ${role(m.role)}`;
  if (typeof m.region === "string") return `region ${m.region}`;
  if (e.action === "client.created" && typeof m.scopes === "string") return `scopes ${scopes(m.scopes)}`;
  if (e.action === "client.renamed") return `was ${m.from}`;
  if (e.action === "client.scopes_changed") return `${scopes(String(m.from))} → ${scopes(String(m.to))}`;
  if (e.action === "client.secret_rotated" && typeof m.grace === "string") {
    return m.grace === "now" ? "old secret revoked" : `old secret valid for ${m.grace}`;
  }
  return null;
}

export function ActivityList({
  events,
  nextHref,
  firstHref,
  showCluster = false,
}: {
  events: AuditEventView[];
  nextHref: string | null;
  firstHref: string | null;
  /** Say which cluster a client event belongs to (the organization-wide list). */
  showCluster?: boolean;
}) {
  if (events.length === 0 && !firstHref) {
    return <EmptyState title="No activity yet">Changes appear here as they happen.</EmptyState>;
  }
  return (
    <div className="space-y-4">
      <Card>
        <ol aria-label="Activity" className="divide-y divide-slate-100">
          {events.map((e) => (
            <li key={e.id} className="flex flex-wrap items-baseline gap-x-2 gap-y-1 px-4 py-3 text-sm [overflow-wrap:anywhere] sm:px-5" data-action={e.action}>
              {/* Spaces between the parts, so the row reads (and copies) as a sentence. */}
              <span
                className="min-w-0 font-medium text-slate-900"
                title={e.actorClientId ? `Administration API client ${e.actorClientId}` : undefined}
              >
                {e.actorEmail}
              </span>{" "}
              <span className="text-slate-600">{ACTION_LABELS[e.action] ?? e.action}</span>{" "}
              {e.targetType !== "organization" && <span className="min-w-0 font-medium text-slate-900">{e.targetName}</span>}{" "}
              {showCluster && e.clusterName && e.targetType !== "cluster" && (
                <span className="min-w-0 text-slate-600">
                  on cluster <span className="font-medium text-slate-900">{e.clusterName}</span>
                </span>
              )}{" "}
              {details(e) && <span className="text-xs text-slate-600">({details(e)})</span>}{" "}
              <time dateTime={e.createdAt.toISOString()} className="ml-auto text-xs whitespace-nowrap text-slate-600">
                {formatDateTime(e.createdAt)}
              </time>
            </li>
          ))}
        </ol>
      </Card>
      <nav aria-label="Pagination" className="flex justify-between text-sm">
        {firstHref ? (
          <Link href={firstHref} className="text-slate-700 hover:underline">
            ← Newest
          </Link>
        ) : (
          <span />
        )}
        {nextHref && (
          <Link href={nextHref} className="text-slate-700 hover:underline">
            Older →
          </Link>
        )}
      </nav>
    </div>
  );
}
