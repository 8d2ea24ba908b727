// The API tab's view state -- search, filters, sort order and page -- as it
// lives in the URL, so a filtered view can be bookmarked and shared. Parsing
// never fails: an unknown or malformed value falls back to its default.
// Plain data: safe to import from client components.
import { CLIENT_SCOPES, type ClientScopeName } from "@cluster-console/credentials";
import { firstParam, type QueryParams } from "@/lib/http/query-params";

export const CLIENT_SEARCH_MAX = 100;

/** "live" (the default) is everything but revoked. */
export const CLIENT_STATUS_FILTERS = ["live", "active", "rotating", "expiring", "revoked", "all"] as const;
export type ClientStatusFilter = (typeof CLIENT_STATUS_FILTERS)[number];

export const STATUS_FILTER_LABELS: Record<ClientStatusFilter, string> = {
  live: "Not revoked",
  active: "Active",
  rotating: "Rotating",
  expiring: "Expiring or expired",
  revoked: "Revoked",
  all: "All, including revoked",
};

export const CLIENT_SORT_KEYS = ["created", "name", "last_used"] as const;
export type ClientSortKey = (typeof CLIENT_SORT_KEYS)[number];
export type SortDirection = "asc" | "desc";

/** Each key's natural direction: newest, A to Z, most recently used. */
export const DEFAULT_DIRECTION: Record<ClientSortKey, SortDirection> = { created: "desc", name: "asc", last_used: "desc" };

export const SORT_OPTIONS: { value: string; label: string }[] = [
  { value: "created_desc", label: "Newest first" },
  { value: "created_asc", label: "Oldest first" },
  { value: "name_asc", label: "Name, A to Z" },
  { value: "name_desc", label: "Name, Z to A" },
  { value: "last_used_desc", label: "Recently used" },
  { value: "last_used_asc", label: "Least recently used" },
];

export interface ClientListQuery {
  q: string;
  scope: ClientScopeName | null;
  status: ClientStatusFilter;
  sort: ClientSortKey;
  dir: SortDirection;
  /** Keyset page: rows after (or before) this cursor; "last" = the final page. */
  after: string | null;
  before: string | null;
  last: boolean;
}

export const DEFAULT_CLIENT_LIST_QUERY: ClientListQuery = {
  q: "",
  scope: null,
  status: "live",
  sort: "created",
  dir: "desc",
  after: null,
  before: null,
  last: false,
};

const CURSOR_PATTERN = /^[A-Za-z0-9_-]{1,1000}$/;
const pick = <T extends string>(options: readonly T[], v: string | undefined): T | undefined =>
  options.includes(v as T) ? (v as T) : undefined;

export function parseClientListQuery(params: QueryParams): ClientListQuery {
  const q = (firstParam(params, "q") ?? "").trim().slice(0, CLIENT_SEARCH_MAX);
  const scope = pick(CLIENT_SCOPES, firstParam(params, "scope")?.toUpperCase()) ?? null;
  const status = pick(CLIENT_STATUS_FILTERS, firstParam(params, "status")) ?? "live";
  // sort=name_desc, or sort=name with the key's natural direction.
  const m = /^(created|name|last_used)(?:_(asc|desc))?$/.exec(firstParam(params, "sort") ?? "");
  const sort = (m?.[1] as ClientSortKey | undefined) ?? "created";
  const dir = (m?.[2] as SortDirection | undefined) ?? DEFAULT_DIRECTION[sort];
  const cursor = (key: string) => {
    const v = firstParam(params, key);
    return v && CURSOR_PATTERN.test(v) ? v : null;
  };
  const last = firstParam(params, "page") === "last";
  const after = last ? null : cursor("after");
  const before = last || after ? null : cursor("before");
  return { q, scope, status, sort, dir, after, before, last };
}

/** The URL of a view: defaults are left out, so the plain tab URL stays plain. */
export function clientListHref(base: string, query: ClientListQuery, change: Partial<ClientListQuery> = {}): string {
  const v = { ...query, ...change };
  const sp = new URLSearchParams();
  if (v.q) sp.set("q", v.q);
  if (v.scope) sp.set("scope", v.scope);
  if (v.status !== "live") sp.set("status", v.status);
  if (v.sort !== "created" || v.dir !== "desc") sp.set("sort", `${v.sort}_${v.dir}`);
  if (v.last) sp.set("page", "last");
  else if (v.after) sp.set("after", v.after);
  else if (v.before) sp.set("before", v.before);
  const s = sp.toString();
  return s ? `${base}?${s}` : base;
}

/** True when the view shows something other than the default list. */
export function isFiltered(query: ClientListQuery): boolean {
  return query.q !== "" || query.scope !== null || query.status !== "live";
}
