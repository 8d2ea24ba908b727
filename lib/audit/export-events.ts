// The activity export, one owner for both doors: the Activity page's
// downloads (app/(console)/activity/export.*) and the Administration API's
// /activity/json and /activity/csv. Same filters, same rows, same columns
// (Camunda's AuditDto shape). Bounded, not streamed: the newest
// ACTIVITY_EXPORT_LIMIT matching events, newest first, and `truncated` says
// when more matched (narrow the filters, e.g. by date, to get the rest).
import "server-only";
import { db } from "@/lib/db/client";
import { eventsWhere } from "@/lib/audit/list-events";
import type { ActivityFilter } from "@/lib/audit/activity-query";

export const ACTIVITY_EXPORT_LIMIT = 10_000;

export interface ActivityRecord {
  audit: string;
  auditType: "c" | "u" | "d";
  entity: string;
  entityId: string;
  entityName: string;
  orgId: string;
  parentEntity?: string;
  parentEntityId?: string;
  service: string;
  userId: string;
  timestamp: number;
}

const auditType = (action: string): "c" | "u" | "d" =>
  /\.(created|added)$/.test(action) ? "c" : /\.(deleted|revoked|removed)$/.test(action) ? "d" : "u";

export async function exportEvents(
  organizationId: string,
  filter: ActivityFilter = {},
  limit = ACTIVITY_EXPORT_LIMIT,
): Promise<{ records: ActivityRecord[]; truncated: boolean }> {
  const rows = await db().auditEvent.findMany({
    where: eventsWhere(organizationId, filter),
    orderBy: { id: "desc" },
    take: limit + 1,
    select: { action: true, targetType: true, targetId: true, targetName: true, clusterId: true, actorClientId: true, actorEmail: true, createdAt: true },
  });
  const records = rows.slice(0, limit).map(
    (e): ActivityRecord => ({
      audit: e.action,
      auditType: auditType(e.action),
      entity: e.targetType,
      entityId: e.targetId,
      entityName: e.targetName,
      orgId: organizationId,
      ...(e.clusterId && e.targetType !== "cluster" ? { parentEntity: "cluster", parentEntityId: e.clusterId } : {}),
      service: "console",
      userId: e.actorClientId ?? e.actorEmail,
      timestamp: e.createdAt.getTime(),
    }),
  );
  return { records, truncated: rows.length > limit };
}

export const CSV_COLUMNS = ["timestamp", "audit", "auditType", "entity", "entityId", "entityName", "parentEntity", "parentEntityId", "userId", "orgId", "service"] as const;

/**
 * One RFC 4180 field. A cell a spreadsheet would run as a formula (leading
 * =, +, -, @, tab or carriage return) gets a leading ' so it stays text;
 * a field with a quote, comma or line break is quoted, quotes doubled.
 */
export function csvField(v: unknown): string {
  let t = v === undefined || v === null ? "" : String(v);
  if (/^[=+\-@\t\r]/.test(t)) t = `'${t}`;
  return /[",\r\n]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
}

/** A header row, then one row per record; CRLF line ends; timestamps in ISO 8601. */
export function activityCsv(records: ActivityRecord[]): string {
  const rows = records.map((e) => CSV_COLUMNS.map((c) => csvField(c === "timestamp" ? new Date(e.timestamp).toISOString() : e[c])).join(","));
  return `${[CSV_COLUMNS.join(","), ...rows].join("\r\n")}\r\n`;
}
