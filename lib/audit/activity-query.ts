// The Activity filters as they live in the URL (?cluster=&actor=&action=&from=&to=),
// shared by the Activity pages, their exports and the Administration API's
// /activity endpoints, so one link, one export and one API call select the
// same events. The pages ignore a bad value (and say so); the exports and
// the API refuse it with a 400 naming the parameter.
// Plain data: safe to import from client components.
import { z } from "zod";
import { firstParam, type QueryParams } from "@/lib/http/query-params";

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const isDay = (v: string) => DAY.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v);

/** Each filter's rule, with the message a caller sees when a value breaks it. */
export const ACTIVITY_FILTER_FIELDS = {
  cluster: z.uuid({ message: "cluster must be a cluster ID (a UUID)." }),
  // A member ("user:<user ID>") or Administration API credentials ("client:<client ID>").
  actor: z
    .string()
    .regex(/^(user:[0-9a-fA-F-]{36}|client:[A-Za-z0-9_-]{1,100})$/, { message: "actor must be user:<user ID> or client:<client ID>." }),
  // One action ("client.revoked") or a whole group ("client.*").
  action: z
    .string()
    .regex(/^[a-z][a-z_]{0,39}\.([a-z][a-z_]{0,59}|\*)$/, { message: "action must be an action such as client.revoked, or a group such as client.*." }),
  from: z.string().refine(isDay, { message: "from must be a date, YYYY-MM-DD." }),
  to: z.string().refine(isDay, { message: "to must be a date, YYYY-MM-DD." }),
} as const;

export type ActivityFilterName = keyof typeof ACTIVITY_FILTER_FIELDS;
export const ACTIVITY_FILTER_NAMES = Object.keys(ACTIVITY_FILTER_FIELDS) as ActivityFilterName[];

/** Only the filters that are set; dates are whole UTC days, both ends included. */
export type ActivityFilter = Partial<Record<ActivityFilterName, string>>;

/** The Administration API's query parameters (unknown parameters are ignored, as before). */
export const activityFilterSchema = z
  .object({
    cluster: ACTIVITY_FILTER_FIELDS.cluster.optional().describe("Only this cluster's events (its ID)."),
    actor: ACTIVITY_FILTER_FIELDS.actor.optional().describe("Only what this member (user:<user ID>) or these credentials (client:<client ID>) did."),
    action: ACTIVITY_FILTER_FIELDS.action.optional().describe("One action (client.revoked) or a group (client.*)."),
    from: ACTIVITY_FILTER_FIELDS.from.optional().describe("From this day on (UTC, YYYY-MM-DD)."),
    to: ACTIVITY_FILTER_FIELDS.to.optional().describe("Up to and including this day (UTC, YYYY-MM-DD)."),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { message: "to must not be before from.", path: ["to"] });

export interface ParsedActivityQuery {
  filter: ActivityFilter;
  /** Keyset cursor: events older than this ID. */
  before: string | null;
  /** Filters whose value was refused, with why. */
  invalid: { name: ActivityFilterName; message: string }[];
}

/** Never fails: a bad value is left out and reported in `invalid`; an empty one means "any". */
export function parseActivityQuery(params: QueryParams): ParsedActivityQuery {
  const filter: ActivityFilter = {};
  const invalid: ParsedActivityQuery["invalid"] = [];
  for (const name of ACTIVITY_FILTER_NAMES) {
    const raw = firstParam(params, name)?.trim();
    if (!raw) continue;
    const parsed = ACTIVITY_FILTER_FIELDS[name].safeParse(raw);
    if (parsed.success) filter[name] = raw;
    else invalid.push({ name, message: parsed.error.issues[0]?.message ?? `${name} is not valid.` });
  }
  if (filter.from && filter.to && filter.from > filter.to) {
    delete filter.to;
    invalid.push({ name: "to", message: "to must not be before from." });
  }
  const before = firstParam(params, "before");
  return { filter, before: before && /^\d{1,18}$/.test(before) ? before : null, invalid };
}

/** The URL of a filtered view (and of its exports): unset filters left out. */
export function activityHref(base: string, filter: ActivityFilter, extra: Record<string, string> = {}): string {
  const sp = new URLSearchParams();
  for (const name of ACTIVITY_FILTER_NAMES) {
    const v = filter[name];
    if (v) sp.set(name, v);
  }
  for (const [k, v] of Object.entries(extra)) sp.set(k, v);
  const s = sp.toString();
  return s ? `${base}?${s}` : base;
}

export const isFiltered = (filter: ActivityFilter) => ACTIVITY_FILTER_NAMES.some((n) => filter[n]);
