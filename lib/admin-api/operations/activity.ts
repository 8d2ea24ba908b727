// /activity: the organization's audit events, newest first, as JSON
// (Camunda's AuditDto shape) or CSV, narrowed by the same filters as the
// console's Activity page (lib/audit/activity-query.ts) and built by the
// same export (lib/audit/export-events.ts). Bounded to the newest
// ACTIVITY_EXPORT_LIMIT; X-Activity-Truncated says when more matched.
import "server-only";
import { z } from "zod";
import { activityFilterSchema } from "@/lib/audit/activity-query";
import { ACTIVITY_EXPORT_LIMIT, activityCsv, exportEvents } from "@/lib/audit/export-events";
import { WithHeaders, defineOperation } from "@/lib/admin-api/operation";
import * as s from "@/lib/admin-api/schemas";

const limitNote =
  `The newest ${ACTIVITY_EXPORT_LIMIT} matching events, newest first; the header \`X-Activity-Truncated: true\` says more matched ` +
  "(narrow the filters, e.g. with `from` and `to`, to get the rest). The filters are the console's Activity page's, so a page's " +
  "query string works here as it is: `cluster` (a cluster ID), `actor` (`user:<user ID>` or `client:<client ID>`), `action` " +
  "(`client.revoked`, or a group: `client.*`), `from` and `to` (whole UTC days, `YYYY-MM-DD`, both included). " +
  "A bad value is a 400 naming it, e.g. `?cluster=$CLUSTER_ID&action=client.*&from=2026-11-01`.";

const truncation = (truncated: boolean) => ({ "X-Activity-Truncated": String(truncated), "X-Activity-Limit": String(ACTIVITY_EXPORT_LIMIT) });

export const activityOperations = [
  defineOperation({
    operationId: "GetJson",
    method: "GET",
    path: "/activity/json",
    summary: "The organization's activity as JSON",
    description: limitNote,
    permission: "ACTIVITY_GET",
    query: activityFilterSchema,
    response: { status: 200, schema: z.array(s.auditEvent), description: "Audit events." },
    run: async ({ principal, query }) => {
      const { records, truncated } = await exportEvents(principal.organizationId, query);
      return new WithHeaders(records, truncation(truncated));
    },
  }),
  defineOperation({
    operationId: "GetCsv",
    method: "GET",
    path: "/activity/csv",
    summary: "The organization's activity as CSV",
    description: `${limitNote} Timestamps in ISO 8601.`,
    permission: "ACTIVITY_GET",
    query: activityFilterSchema,
    response: { status: 200, csv: true, description: "Audit events as CSV with a header row." },
    run: async ({ principal, query }) => {
      const { records, truncated } = await exportEvents(principal.organizationId, query);
      return new WithHeaders(activityCsv(records), truncation(truncated));
    },
  }),
];
