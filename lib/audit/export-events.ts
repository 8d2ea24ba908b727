// The activity export's rows, one owner for both doors: the Activity page's
// downloads (app/(console)/activity/export.*) and the Administration API's
// /activity/json and /activity/csv. Same filters, same rows, same fields:
// Camunda's AuditDto first, then what the Activity page shows (the actor's
// name and kind, the cluster's name, the sentence, the details and the
// values before and after). Bounded: the newest ACTIVITY_EXPORT_LIMIT
// matching events, newest first, and `truncated` says when more matched
// (narrow the filters, e.g. by date, to get the rest).
//
// Read in chunks, not at once (issue 22.6): EXPORT_CHUNK events per query,
// keyset on the ID between a top and a floor fixed before the first chunk, so
// events written meanwhile neither shift the pages nor pass the limit. The
// caller takes the next chunk only when it wants it (lib/audit/export-stream.ts
// asks when the response has room), and each chunk starts on a fresh turn of
// the event loop (setImmediate): no chunk holds the loop the token endpoint
// shares.
import "server-only";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { eventsWhere } from "@/lib/audit/list-events";
import { eventDetails, eventSentence } from "@/lib/audit/event-details";
import type { ActivityFilter } from "@/lib/audit/activity-query";

export const ACTIVITY_EXPORT_LIMIT = 10_000;

/** Events per query. */
export const EXPORT_CHUNK = 250;

export interface ActivityRecord {
  // Camunda's AuditDto.
  audit: string;
  auditType: "c" | "u" | "d";
  entity: string;
  entityId: string;
  entityName: string;
  orgId: string;
  parentEntity?: string;
  parentEntityId?: string;
  service: string;
  /** Who did it: a member's email, or an Administration API client's ID. */
  userId: string;
  /** Milliseconds since the epoch; each format writes it its own way (lib/audit/export-stream.ts). */
  timestamp: number;
  // What the Activity page shows.
  /** The member's name when they acted, or the credentials' label ("terraform (API client)"). */
  actorName: string;
  actorKind: "user" | "api_client";
  /** The member's user ID or the credentials' client ID: the Activity filter's actor=user:<ID> / client:<ID>. */
  actorId?: string;
  /** The cluster's name, for an event about something inside a cluster (also after the cluster was deleted). */
  parentEntityName?: string;
  /** The page's sentence: "Ada Lovelace rotated the secret of payments-worker in Production EU". */
  sentence: string;
  /** The page's details: "Developer → Admin", "was orders-worker", "old secret valid for 24h". */
  details?: string;
  before?: string;
  after?: string;
}

export interface PreparedExport {
  /** More events matched than the export holds. */
  truncated: boolean;
  /** The records, newest first, EXPORT_CHUNK at a time. */
  chunks(): AsyncGenerator<ActivityRecord[], void, undefined>;
}

const auditType = (action: string): "c" | "u" | "d" =>
  /\.(created|added)$/.test(action) ? "c" : /\.(deleted|revoked|removed)$/.test(action) ? "d" : "u";

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

const COLUMNS = {
  id: true,
  action: true,
  targetType: true,
  targetId: true,
  targetName: true,
  clusterId: true,
  actorId: true,
  actorClientId: true,
  actorEmail: true,
  actorName: true,
  metadata: true,
  createdAt: true,
} as const;

/**
 * Fixes what the export holds (two index lookups: the newest matching event,
 * and the one just past the limit) and returns its chunks, read on demand.
 */
export async function prepareExport(organizationId: string, filter: ActivityFilter = {}, limit = ACTIVITY_EXPORT_LIMIT): Promise<PreparedExport> {
  const where = eventsWhere(organizationId, filter);
  const top = await db().auditEvent.findFirst({ where, orderBy: { id: "desc" }, select: { id: true } });
  if (!top) return { truncated: false, chunks: async function* () {} };
  const floor = await db().auditEvent.findFirst({
    where: { AND: [where, { id: { lte: top.id } }] },
    orderBy: { id: "desc" },
    skip: limit,
    select: { id: true },
  });
  return {
    truncated: floor !== null,
    async *chunks() {
      const clusterNames = new Map<string, string>();
      let below = top.id + 1n;
      for (;;) {
        await nextTurn();
        const rows = await db().auditEvent.findMany({
          where: { AND: [where, { id: { lt: below, ...(floor ? { gt: floor.id } : {}) } }] },
          orderBy: { id: "desc" },
          take: EXPORT_CHUNK,
          select: COLUMNS,
        });
        if (rows.length === 0) return;
        await learnClusterNames(organizationId, rows, clusterNames);
        yield rows.map((r) => toRecord(organizationId, r, clusterNames));
        if (rows.length < EXPORT_CHUNK) return;
        below = rows[rows.length - 1]!.id;
      }
    },
  };
}

type Row = Prisma.AuditEventGetPayload<{ select: typeof COLUMNS }>;

/** The names of the chunk's clusters not seen yet (deleted ones included: the trail names them). */
async function learnClusterNames(organizationId: string, rows: Row[], names: Map<string, string>) {
  const missing = [...new Set(rows.map((r) => r.clusterId).filter((id): id is string => id !== null && !names.has(id)))];
  if (!missing.length) return;
  const clusters = await db().cluster.findMany({ where: { organizationId, id: { in: missing } }, select: { id: true, name: true } });
  for (const c of clusters) names.set(c.id, c.name);
}

function toRecord(organizationId: string, e: Row, clusterNames: Map<string, string>): ActivityRecord {
  const inCluster = e.clusterId && e.targetType !== "cluster" ? e.clusterId : null;
  const clusterName = inCluster ? clusterNames.get(inCluster) : undefined;
  const actorName = e.actorName || e.actorEmail;
  const details = eventDetails(e.action, (e.metadata ?? {}) as Record<string, unknown>);
  const actorId = e.actorClientId ?? e.actorId;
  return {
    audit: e.action,
    auditType: auditType(e.action),
    entity: e.targetType,
    entityId: e.targetId,
    entityName: e.targetName,
    orgId: organizationId,
    ...(inCluster ? { parentEntity: "cluster", parentEntityId: inCluster } : {}),
    service: "console",
    userId: e.actorClientId ?? e.actorEmail,
    timestamp: e.createdAt.getTime(),
    actorName,
    actorKind: e.actorClientId ? "api_client" : "user",
    ...(actorId ? { actorId } : {}),
    ...(clusterName !== undefined ? { parentEntityName: clusterName } : {}),
    sentence: eventSentence({ action: e.action, actorName, targetName: e.targetName, clusterName }),
    ...(details ? { details: details.text } : {}),
    ...(details?.before !== undefined ? { before: details.before } : {}),
    ...(details?.after !== undefined ? { after: details.after } : {}),
  };
}

/** Every record at once (tests, small exports): the same chunks, collected. */
export async function exportEvents(
  organizationId: string,
  filter: ActivityFilter = {},
  limit = ACTIVITY_EXPORT_LIMIT,
): Promise<{ records: ActivityRecord[]; truncated: boolean }> {
  const prepared = await prepareExport(organizationId, filter, limit);
  const records: ActivityRecord[] = [];
  for await (const chunk of prepared.chunks()) records.push(...chunk);
  return { records, truncated: prepared.truncated };
}
