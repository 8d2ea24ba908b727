// /activity: the organization's audit events, newest first, as JSON
// (Camunda's AuditDto shape, plus what the console's Activity page shows) or
// CSV, narrowed by the same filters as the console's Activity page
// (lib/audit/activity-query.ts), built and streamed by the same export
// (lib/audit/export-events.ts, export-stream.ts) behind the same gate (one
// export at a time per credentials, a budget per window: lib/audit/export-gate.ts).
// Bounded to the newest ACTIVITY_EXPORT_LIMIT; X-Activity-Truncated says when more matched.
import "server-only";
import { z } from "zod";
import { activityFilterSchema } from "@/lib/audit/activity-query";
import { ACTIVITY_EXPORT_LIMIT } from "@/lib/audit/export-events";
import { EXPORT_LIMITS } from "@/lib/audit/export-gate";
import { startExport, type ExportFormat } from "@/lib/audit/export-stream";
import { StreamedBody, defineOperation, type AdminPrincipal } from "@/lib/admin-api/operation";
import type { ActivityFilter } from "@/lib/audit/activity-query";
import * as s from "@/lib/admin-api/schemas";

const limitNote =
  `The newest ${ACTIVITY_EXPORT_LIMIT} matching events, newest first; the header \`X-Activity-Truncated: true\` says more matched ` +
  "(narrow the filters, e.g. with `from` and `to`, to get the rest). The filters are the console's Activity page's, so a page's " +
  "query string works here as it is: `cluster` (a cluster ID), `actor` (`user:<user ID>` or `client:<client ID>`), `action` " +
  "(`client.revoked`, or a group: `client.*`), `from` and `to` (whole UTC days, `YYYY-MM-DD`, both included). " +
  "A bad value is a 400 naming it, e.g. `?cluster=$CLUSTER_ID&action=client.*&from=2026-11-01`. " +
  "Each event also carries what the Activity page shows: `actorName`, `actorKind` (`user` or `api_client`), `actorId`, " +
  "`parentEntityName` (the cluster's name), `sentence`, and where the event changed a value `details` " +
  "(\"Developer → Admin\") with `before` and `after`. " +
  `One export at a time per credentials, at most ${EXPORT_LIMITS.perWindow} per ${EXPORT_LIMITS.windowSeconds / 60} minutes: ` +
  "past either, a 429 with `Retry-After`.";

/** The gate, then the export as a stream; a refusal (RetryLater) is a 429 (lib/admin-api/handle-request.ts). */
async function streamed(principal: AdminPrincipal, filter: ActivityFilter, format: ExportFormat): Promise<StreamedBody> {
  const { body, truncated } = await startExport(`client:${principal.clientId}`, principal.organizationId, filter, format);
  return new StreamedBody(body, { "X-Activity-Truncated": String(truncated), "X-Activity-Limit": String(ACTIVITY_EXPORT_LIMIT) });
}

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
    // Camunda's timestamp: milliseconds since the epoch.
    run: ({ principal, query }) => streamed(principal, query, "json-epoch-ms"),
  }),
  defineOperation({
    operationId: "GetCsv",
    method: "GET",
    path: "/activity/csv",
    summary: "The organization's activity as CSV",
    description: `${limitNote} Timestamps in ISO 8601 (UTC).`,
    permission: "ACTIVITY_GET",
    query: activityFilterSchema,
    response: { status: 200, csv: true, description: "Audit events as CSV with a header row." },
    run: ({ principal, query }) => streamed(principal, query, "csv"),
  }),
];
