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
import { eventsWhere } from "@/lib/audit/list-events";
import { ACTIVITY_COLUMNS as COLUMNS, toActivityRecord as toRecord, type ActivityRecord, type ActivityRow as Row } from "@/lib/audit/activity-record";
import type { ActivityFilter } from "@/lib/audit/activity-query";

export type { ActivityRecord };

export const ACTIVITY_EXPORT_LIMIT = 10_000;

/** Events per query. */
export const EXPORT_CHUNK = 250;

export interface PreparedExport {
  /** More events matched than the export holds. */
  truncated: boolean;
  /** The records, newest first, EXPORT_CHUNK at a time. */
  chunks(): AsyncGenerator<ActivityRecord[], void, undefined>;
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

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

/** The names of the chunk's clusters not seen yet (deleted ones included: the trail names them). */
async function learnClusterNames(organizationId: string, rows: Row[], names: Map<string, string>) {
  const missing = [...new Set(rows.map((r) => r.clusterId).filter((id): id is string => id !== null && !names.has(id)))];
  if (!missing.length) return;
  const clusters = await db().cluster.findMany({ where: { organizationId, id: { in: missing } }, select: { id: true, name: true } });
  for (const c of clusters) names.set(c.id, c.name);
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
