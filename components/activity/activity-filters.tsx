"use client";
// The Activity filters: a plain GET form, so the view lives in the URL (a
// filtered view can be shared; back and forward work) and works without
// JavaScript ("Apply"); with JavaScript, changing a select applies it at once.
// Nothing secret is in it. A new filter starts again from the newest page.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { activityHref, parseActivityQuery, type ActivityFilter } from "@/lib/audit/activity-query";
import { actionOptions, actionText, groupLabel } from "@/lib/audit/actions";
import { buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";

interface Choice {
  value: string;
  label: string;
}

const selectClass =
  "block h-9 w-full rounded-md border-0 bg-white py-1.5 pr-8 pl-3 text-sm text-slate-900 ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-brand-500 focus:outline-none";

/** A value from the URL that is not among the choices (no event yet) still shows as chosen. */
const withCurrent = (choices: Choice[], current: string | undefined, label = (v: string) => v) =>
  current && !choices.some((c) => c.value === current) ? [...choices, { value: current, label: label(current) }] : choices;

export function ActivityFilters({
  action,
  filter,
  clusters,
  actors,
  clearHref,
}: {
  action: string;
  filter: ActivityFilter;
  /** The organization's clusters; left out on a cluster's own Activity tab. */
  clusters?: Choice[];
  actors: Choice[];
  clearHref: string | null;
}) {
  const router = useRouter();
  const submit = (e: React.ChangeEvent<HTMLSelectElement>) => e.currentTarget.form?.requestSubmit();
  const onSubmit = (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const params = Object.fromEntries([...form].map(([k, v]) => [k, typeof v === "string" ? v : ""]));
    router.push(activityHref(action, parseActivityQuery(params).filter));
  };
  const groups = actionOptions();
  const listed = new Set(groups.flatMap((g) => [`${g.group}.*`, ...g.actions.map((a) => a.value)]));
  return (
    <form
      // Back and forward change the URL under a mounted form: a new key
      // makes its fields show the view's filters again.
      key={activityHref(action, filter)}
      method="get"
      action={action}
      onSubmit={onSubmit}
      role="search"
      aria-label="Filter activity"
      className="grid grid-cols-2 items-end gap-2 sm:grid-cols-3 lg:flex lg:flex-wrap"
    >
      {clusters && (
        <div className="col-span-2 min-w-0 sm:col-span-1 lg:w-56">
          <label htmlFor="activity-cluster" className="mb-1 block text-xs font-medium text-slate-600">
          Cluster
          </label>
          <select id="activity-cluster" name="cluster" defaultValue={filter.cluster ?? ""} onChange={submit} className={selectClass}>
            <option value="">All clusters</option>
            {withCurrent(clusters, filter.cluster, () => "Unknown cluster").map((c) => (
              <option key={c.value} value={c.value}>{c.label}</option>
            ))}
          </select>
        </div>
      )}
      <div className="col-span-2 min-w-0 sm:col-span-1 lg:w-56">
        <label htmlFor="activity-actor" className="mb-1 block text-xs font-medium text-slate-600">
          Actor
        </label>
        <select id="activity-actor" name="actor" defaultValue={filter.actor ?? ""} onChange={submit} className={selectClass}>
          <option value="">Anyone</option>
          {withCurrent(actors, filter.actor, () => "Someone without activity").map((a) => (
            <option key={a.value} value={a.value}>{a.label}</option>
          ))}
        </select>
      </div>
      <div className="col-span-2 min-w-0 sm:col-span-1 lg:w-56">
        <label htmlFor="activity-action" className="mb-1 block text-xs font-medium text-slate-600">
          Action
        </label>
        <select id="activity-action" name="action" defaultValue={filter.action ?? ""} onChange={submit} className={selectClass}>
          <option value="">Any action</option>
          {groups.map((g) => (
            <optgroup key={g.group} label={g.label}>
              <option value={`${g.group}.*`}>All: {g.label}</option>
              {g.actions.map((a) => (
                <option key={a.value} value={a.value}>{a.label}</option>
              ))}
            </optgroup>
          ))}
          {filter.action && !listed.has(filter.action) && (
            <option value={filter.action}>
              {filter.action.endsWith(".*") ? `All: ${groupLabel(filter.action.slice(0, -2))}` : actionText(filter.action).label}
            </option>
          )}
        </select>
      </div>
      <div className="min-w-0 lg:w-40">
        <label htmlFor="activity-from" className="mb-1 block text-xs font-medium text-slate-600">
          From (UTC)
        </label>
        <input id="activity-from" type="date" name="from" defaultValue={filter.from ?? ""} className={`${inputClass} h-9`} />
      </div>
      <div className="min-w-0 lg:w-40">
        <label htmlFor="activity-to" className="mb-1 block text-xs font-medium text-slate-600">
          To (UTC)
        </label>
        <input id="activity-to" type="date" name="to" defaultValue={filter.to ?? ""} className={`${inputClass} h-9`} />
      </div>
      <div className="col-span-2 flex items-center gap-2 sm:col-span-1">
        <button type="submit" className={buttonClass("secondary")}>Apply</button>
        {clearHref && (
          <Link href={clearHref} className="px-2 py-2 text-sm font-medium text-slate-600 hover:text-slate-900 hover:underline">
            Clear filters
          </Link>
        )}
      </div>
    </form>
  );
}
