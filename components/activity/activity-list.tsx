// The Activity list: one sentence per event ("Ada Lovelace rotated the
// secret of payments-worker in Production EU"), its objects linked while
// they exist (a deleted cluster or client is plain text, never a broken
// link), and when it happened relative to the request.
import Link from "next/link";
import type { AuditEventView } from "@/lib/audit/list-events";
import { actionText } from "@/lib/audit/actions";
import { Card, EmptyState } from "@/components/ui/page-header";
import { RelativeTime } from "@/components/ui/relative-time";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { SCOPE_LABELS, type ClientScopeName } from "@/lib/api-clients/scopes";

// Stored values are enum names (OPERATIONS_ENGINEER, "ZEEBE,TASKLIST"); people read labels.
const role = (v: unknown) => (typeof v === "string" && v in ROLE_LABELS ? ROLE_LABELS[v as keyof typeof ROLE_LABELS] : String(v));
const scopes = (v: string) =>
  v
    .split(",")
    .map((s) => SCOPE_LABELS[s as ClientScopeName] ?? s)
    .join(", ");
const days = (v: unknown) => (v === null || v === undefined ? "no maximum" : `${v} days`);

function details(e: AuditEventView): string | null {
  const m = e.metadata;
  const text = (v: unknown) => typeof v === "string" || typeof v === "number";
  const fromTo = text(m.from) && text(m.to);
  if (e.action === "member.role_changed" && fromTo) return `${role(m.from)} → ${role(m.to)}`;
  if ((e.action === "cluster.renamed" || e.action === "client.renamed") && text(m.from)) return `was ${m.from}`;
  if (e.action === "account.renamed" && fromTo) return `${m.from} → ${m.to}`;
  if (e.action === "organization.max_secret_age_changed") return `${days(m.from)} → ${days(m.to)}`;
  if (e.action === "cluster.addresses_changed") return typeof m.restAddress === "string" ? `REST ${m.restAddress}` : "addresses derived from the region";
  if (typeof m.role === "string") return `as ${role(m.role)}`;
  if (typeof m.region === "string") return `region ${m.region}`;
  if (e.action === "client.created" && typeof m.scopes === "string") return `scopes ${scopes(m.scopes)}`;
  if (e.action === "client.scopes_changed" && fromTo) return `${scopes(String(m.from))} → ${scopes(String(m.to))}`;
  if (e.action.endsWith(".grace_period_ended")) return "old secret revoked, no new one issued";
  if (e.action.endsWith(".secret_rotated") && typeof m.grace === "string") {
    return m.grace === "now" ? "old secret revoked" : `old secret valid for ${m.grace}`;
  }
  return null;
}

const linkClass = "font-medium text-slate-900 underline decoration-slate-400 underline-offset-2 hover:decoration-slate-900";

/** Where the event's object lives, while it exists. */
function targetHref(e: AuditEventView): string | null {
  if (!e.targetExists) return null;
  if (e.targetType === "cluster") return `/clusters/${e.targetId}`;
  // The API tab, searched for this client (revoked ones included).
  if (e.targetType === "api_client" && e.clusterId) return `/clusters/${e.clusterId}/api?q=${encodeURIComponent(e.targetId)}&status=all`;
  if (e.targetType === "admin_client") return "/organization/administration-api";
  return null;
}

function Sentence({ e, showCluster }: { e: AuditEventView; showCluster: boolean }) {
  const href = targetHref(e);
  // Each part keeps its place in the one fixed sentence: that is its key.
  const parts = actionText(e.action)
    .sentence.split(/(\{actor\}|\{target\})/)
    .map((text, place) => ({ text, key: `part-${place}` }));
  const inCluster = showCluster && e.clusterId && e.clusterName && e.targetType !== "cluster";
  return (
    <>
      {parts.map(({ text, key }) => {
        if (text === "{actor}") {
          return (
            <span key={key} className="font-medium text-slate-900" title={e.actorClientId ? `Administration API credentials ${e.actorClientId}` : e.actorEmail}>
              {e.actorName}
            </span>
          );
        }
        if (text === "{target}") {
          return href ? (
            <Link key={key} href={href} className={linkClass}>
              {e.targetName}
            </Link>
          ) : (
            <span key={key} className="font-medium text-slate-900">
              {e.targetName}
            </span>
          );
        }
        return <span key={key}>{text}</span>;
      })}
      {inCluster && (
        <>
          {" in "}
          {e.clusterExists ? (
            <Link href={`/clusters/${e.clusterId}`} className={linkClass}>{e.clusterName}</Link>
          ) : (
            <span className="font-medium text-slate-900">{e.clusterName}</span>
          )}
        </>
      )}
    </>
  );
}

export function ActivityList({
  events,
  now,
  nextHref,
  firstHref,
  filtered = false,
  clearHref = null,
  showCluster = false,
}: {
  events: AuditEventView[];
  /** The request's time: "3 minutes ago" is relative to it. */
  now: Date;
  nextHref: string | null;
  firstHref: string | null;
  filtered?: boolean;
  clearHref?: string | null;
  /** Say which cluster a client event belongs to (the organization-wide list). */
  showCluster?: boolean;
}) {
  if (events.length === 0 && !firstHref) {
    return filtered ? (
      <EmptyState title="No activity matches these filters">
        {clearHref ? (
          <Link href={clearHref} className="underline">
            Clear the filters
          </Link>
        ) : null}
      </EmptyState>
    ) : (
      <EmptyState title="No activity yet">Changes appear here as they happen.</EmptyState>
    );
  }
  return (
    <div className="space-y-4">
      <Card>
        <ol aria-label="Activity" className="divide-y divide-slate-100">
          {events.map((e) => {
            const more = details(e);
            return (
              <li key={e.id} className="flex flex-wrap items-baseline gap-x-3 gap-y-1 px-4 py-3 text-sm sm:px-5" data-action={e.action}>
                <p className="min-w-0 flex-1 basis-64 text-slate-600 [overflow-wrap:anywhere]">
                  <Sentence e={e} showCluster={showCluster} />
                  {more && <span className="text-xs text-slate-600"> ({more})</span>}
                </p>
                <span className="ml-auto text-xs text-slate-600">
                  <RelativeTime date={e.createdAt} now={now} id={`time-${e.id}`} />
                </span>
              </li>
            );
          })}
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
