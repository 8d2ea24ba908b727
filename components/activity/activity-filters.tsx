"use client";
// The Activity filters: a plain GET form, so the view lives in the URL (a
// filtered view can be shared; back and forward work) and works without
// JavaScript ("Apply"); with JavaScript, changing a select applies it at once.
// Nothing secret is in it. A new filter starts again from the newest page.
import { activityHref, parseActivityQuery, type ActivityFilter } from "@/lib/audit/activity-query";
import { actionOptions, actionText, groupLabel } from "@/lib/audit/actions";
import { inputClass } from "@/components/ui/field";
import { FilterFormButtons, useFilterForm } from "@/components/ui/filter-form";

interface Choice {
  value: string;
  label: string;
}

const selectClass =
  "block h-9 w-full rounded-md border-0 bg-white py-1.5 pr-8 pl-3 text-sm text-slate-900 ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-brand-500 focus:outline-none";
/** The grid cells of the selects and of the dates. */
const WIDE = "col-span-2 min-w-0 sm:col-span-1 lg:w-56";
const NARROW = "min-w-0 lg:w-40";

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
  const { onSubmit, submitOnChange: submit } = useFilterForm((fields) => activityHref(action, parseActivityQuery(fields).filter));
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
        <FilterField id="activity-cluster" label="Cluster" className={WIDE}>
          <ChoiceSelect id="activity-cluster" name="cluster" any="All clusters" unlisted="Unknown cluster" choices={clusters} current={filter.cluster} onChange={submit} />
        </FilterField>
      )}
      <FilterField id="activity-actor" label="Actor" className={WIDE}>
        <ChoiceSelect id="activity-actor" name="actor" any="Anyone" unlisted="Someone without activity" choices={actors} current={filter.actor} onChange={submit} />
      </FilterField>
      <FilterField id="activity-action" label="Action" className={WIDE}>
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
      </FilterField>
      <FilterField id="activity-from" label="From (UTC)" className={NARROW}>
        <input id="activity-from" type="date" name="from" defaultValue={filter.from ?? ""} className={`${inputClass} h-9`} />
      </FilterField>
      <FilterField id="activity-to" label="To (UTC)" className={NARROW}>
        <input id="activity-to" type="date" name="to" defaultValue={filter.to ?? ""} className={`${inputClass} h-9`} />
      </FilterField>
      <div className="col-span-2 flex items-center gap-2 sm:col-span-1">
        <FilterFormButtons clearHref={clearHref} />
      </div>
    </form>
  );
}

/** One labelled filter, a cell of the form's grid. */
function FilterField({ id, label, className, children }: { id: string; label: string; className: string; children: React.ReactNode }) {
  return (
    <div className={className}>
      <label htmlFor={id} className="mb-1 block text-xs font-medium text-slate-600">
        {label}
      </label>
      {children}
    </div>
  );
}

/**
 * A select of `choices` after "any" (`any`). A value from the URL that is not
 * among them (no event yet) still shows as chosen, named `unlisted`.
 */
function ChoiceSelect({
  id,
  name,
  any,
  unlisted,
  choices,
  current,
  onChange,
}: {
  id: string;
  name: string;
  any: string;
  unlisted: string;
  choices: Choice[];
  current: string | undefined;
  onChange: (e: React.ChangeEvent<HTMLSelectElement>) => void;
}) {
  const shown = current && !choices.some((c) => c.value === current) ? [...choices, { value: current, label: unlisted }] : choices;
  return (
    <select id={id} name={name} defaultValue={current ?? ""} onChange={onChange} className={selectClass}>
      <option value="">{any}</option>
      {shown.map((c) => (
        <option key={c.value} value={c.value}>{c.label}</option>
      ))}
    </select>
  );
}
