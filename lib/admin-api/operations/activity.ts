// /activity: the organization's audit events, newest first, as JSON
// (Camunda's AuditDto shape) or CSV. Bounded to the newest ACTIVITY_LIMIT.
import "server-only";
import { z } from "zod";
import { listEvents, type AuditEventView } from "@/lib/audit/list-events";
import { defineOperation } from "@/lib/admin-api/operation";
import * as s from "@/lib/admin-api/schemas";

export const ACTIVITY_LIMIT = 1000;

const auditType = (action: string): "c" | "u" | "d" =>
  /\.(created|added)$/.test(action) ? "c" : /\.(deleted|revoked|removed)$/.test(action) ? "d" : "u";

function dto(organizationId: string, e: AuditEventView): z.output<typeof s.auditEvent> {
  return {
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
  };
}

const events = async (organizationId: string) =>
  (await listEvents({ organizationId, limit: ACTIVITY_LIMIT })).events.map((e) => dto(organizationId, e));

/** RFC 4180 field; a leading =, +, - or @ is prefixed with ' so spreadsheets never run it as a formula. */
function csvField(v: unknown): string {
  let t = v === undefined || v === null ? "" : String(v);
  if (/^[=+\-@\t\r]/.test(t)) t = `'${t}`;
  return /[",\r\n]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
}

const CSV_COLUMNS = ["timestamp", "audit", "auditType", "entity", "entityId", "entityName", "parentEntity", "parentEntityId", "userId", "orgId", "service"] as const;

export const activityOperations = [
  defineOperation({
    operationId: "GetJson",
    method: "GET",
    path: "/activity/json",
    summary: "The organization's activity as JSON",
    description: `The newest ${ACTIVITY_LIMIT} events, newest first.`,
    permission: "ACTIVITY_GET",
    response: { status: 200, schema: z.array(s.auditEvent), description: "Audit events." },
    run: async ({ principal }) => events(principal.organizationId),
  }),
  defineOperation({
    operationId: "GetCsv",
    method: "GET",
    path: "/activity/csv",
    summary: "The organization's activity as CSV",
    description: `The newest ${ACTIVITY_LIMIT} events, newest first; timestamps in ISO 8601.`,
    permission: "ACTIVITY_GET",
    response: { status: 200, csv: true, description: "Audit events as CSV with a header row." },
    run: async ({ principal }) => {
      const rows = (await events(principal.organizationId)).map((e) =>
        CSV_COLUMNS.map((c) => csvField(c === "timestamp" ? new Date(e.timestamp).toISOString() : e[c])).join(","),
      );
      return [CSV_COLUMNS.join(","), ...rows].join("\r\n") + "\r\n";
    },
  }),
];
