// The Activity page's body, shared by the organization's page and a
// cluster's tab: filters, notes on ignored filter values, downloads of the
// filtered set, and the list. Plain links and a GET form: all of it works
// without JavaScript.
import { activityHref, isFiltered, type ActivityFilter } from "@/lib/audit/activity-query";
import type { AuditEventView } from "@/lib/audit/list-events";
import { ActivityFilters } from "@/components/activity/activity-filters";
import { ActivityList } from "@/components/activity/activity-list";
import { buttonClass } from "@/components/ui/button";

interface Choice {
  value: string;
  label: string;
}

export function ActivityView({
  base,
  filter,
  exportFilter,
  invalid,
  events,
  nextCursor,
  before,
  now,
  actors,
  clusters,
  exportLimit,
}: {
  /** The page's path ("/activity", "/clusters/<id>/activity"). */
  base: string;
  filter: ActivityFilter;
  /** What the downloads export: the filter, plus the cluster on a cluster's tab. */
  exportFilter: ActivityFilter;
  invalid: { name: string; message: string }[];
  events: AuditEventView[];
  nextCursor: string | null;
  before: string | null;
  now: Date;
  actors: Choice[];
  /** The organization page's cluster filter. */
  clusters?: Choice[];
  exportLimit: number;
}) {
  const filtered = isFiltered(filter);
  const clearHref = filtered ? base : null;
  return (
    <div className="space-y-4">
      <ActivityFilters action={base} filter={filter} clusters={clusters} actors={actors} clearHref={clearHref} />
      {invalid.length > 0 && (
        <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-amber-200">
          Ignored a filter: {invalid.map((i) => i.message).join(" ")}
        </p>
      )}
      <div className="flex flex-wrap items-center justify-between gap-2">
        {filtered ? <p className="text-sm text-slate-600">Events matching the filters, newest first.</p> : <span />}
        <div className="flex flex-wrap items-center gap-2" title={`The newest ${exportLimit.toLocaleString("en")} matching events`}>
          <a href={activityHref("/activity/export.csv", exportFilter)} download className={buttonClass("secondary", "sm")}>
            Download CSV
          </a>
          <a href={activityHref("/activity/export.json", exportFilter)} download className={buttonClass("secondary", "sm")}>
            Download JSON
          </a>
        </div>
      </div>
      <ActivityList
        events={events}
        now={now}
        nextHref={nextCursor ? activityHref(base, filter, { before: nextCursor }) : null}
        firstHref={before ? activityHref(base, filter) : null}
        filtered={filtered}
        clearHref={clearHref}
        showCluster={clusters !== undefined}
      />
    </div>
  );
}
