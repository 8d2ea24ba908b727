"use client";
// Search, filters and sort of the client list: a plain GET form, so the view
// lives in the URL and works without JavaScript (Enter or "Apply"); with
// JavaScript, changing a select applies it at once.
import { CLIENT_SCOPES, SCOPE_LABELS } from "@cluster-console/credentials";
import {
  CLIENT_SEARCH_MAX,
  CLIENT_STATUS_FILTERS,
  SORT_OPTIONS,
  STATUS_FILTER_LABELS,
  clientListHref,
  parseClientListQuery,
  type ClientListQuery,
} from "@/lib/api-clients/list-query";
import { inputClass } from "@/components/ui/field";
import { FilterFormButtons, useFilterForm } from "@/components/ui/filter-form";

const selectClass =
  "block h-9 rounded-md border-0 bg-white py-1.5 pr-8 pl-3 text-sm text-slate-900 ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-brand-500 focus:outline-none";

export function ClientListToolbar({ action, query, clearHref }: { action: string; query: ClientListQuery; clearHref: string | null }) {
  // With JavaScript: the same view at its shortest URL (defaults left out),
  // starting again from the first page.
  const { onSubmit, submitOnChange: submit } = useFilterForm((fields) => clientListHref(action, parseClientListQuery(fields)));
  return (
    <form method="get" action={action} onSubmit={onSubmit} role="search" aria-label="Find API clients" className="flex flex-wrap items-end gap-2">
      <label className="min-w-[14rem] flex-1">
        <span className="sr-only">Search by name or client ID</span>
        <input
          type="search"
          name="q"
          defaultValue={query.q}
          maxLength={CLIENT_SEARCH_MAX}
          placeholder="Search by name or client ID"
          autoComplete="off"
          className={`${inputClass} h-9`}
        />
      </label>
      <label>
        <span className="sr-only">Scope</span>
        <select name="scope" defaultValue={query.scope ?? ""} onChange={submit} className={selectClass} aria-label="Scope">
          <option value="">Any scope</option>
          {CLIENT_SCOPES.map((s) => (
            <option key={s} value={s}>{SCOPE_LABELS[s]}</option>
          ))}
        </select>
      </label>
      <label>
        <span className="sr-only">Status</span>
        <select name="status" defaultValue={query.status} onChange={submit} className={selectClass} aria-label="Status">
          {CLIENT_STATUS_FILTERS.map((s) => (
            <option key={s} value={s}>{STATUS_FILTER_LABELS[s]}</option>
          ))}
        </select>
      </label>
      <label>
        <span className="sr-only">Sort</span>
        <select name="sort" defaultValue={`${query.sort}_${query.dir}`} onChange={submit} className={selectClass} aria-label="Sort">
          {SORT_OPTIONS.map((o) => (
            <option key={o.value} value={o.value}>{o.label}</option>
          ))}
        </select>
      </label>
      <FilterFormButtons clearHref={clearHref} />
    </form>
  );
}
