// Audit events newest first, keyset-paginated on the id (stable under
// inserts), narrowed by the Activity filters (lib/audit/activity-query.ts).
// Tenancy is in every query: another organization's events, clusters and
// clients never appear, whatever the filters name.
import "server-only";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ActivityFilter } from "@/lib/audit/activity-query";

export const AUDIT_PAGE_SIZE = 25;

export interface AuditEventView {
  id: string;
  action: string;
  actorEmail: string;
  /** The actor's name when they acted (kept after they leave). */
  actorName: string;
  /** Set when an Administration API client made the change. */
  actorClientId: string | null;
  targetType: string;
  targetId: string;
  targetName: string;
  /** The target still exists (a cluster not deleted, a client not deleted): it can be linked. */
  targetExists: boolean;
  clusterId: string | null;
  /** The cluster's name (also after it was deleted), for events about a cluster's clients. */
  clusterName: string | null;
  /** The cluster still exists. */
  clusterExists: boolean;
  metadata: Record<string, unknown>;
  createdAt: Date;
}

const DAY_MS = 86_400_000;

/** The filters as a Prisma `where` (the organization always included). */
export function eventsWhere(organizationId: string, filter: ActivityFilter = {}): Prisma.AuditEventWhereInput {
  const where: Prisma.AuditEventWhereInput = { organizationId };
  if (filter.cluster) where.clusterId = filter.cluster.toLowerCase();
  if (filter.actor) {
    const [kind, ...rest] = filter.actor.split(":");
    const id = rest.join(":");
    if (kind === "user") where.actorId = id.toLowerCase();
    else where.actorClientId = id;
  }
  if (filter.action) {
    where.action = filter.action.endsWith(".*") ? { startsWith: filter.action.slice(0, -1) } : filter.action;
  }
  if (filter.from || filter.to) {
    where.createdAt = {
      ...(filter.from ? { gte: new Date(`${filter.from}T00:00:00Z`) } : {}),
      ...(filter.to ? { lt: new Date(Date.parse(`${filter.to}T00:00:00Z`) + DAY_MS) } : {}),
    };
  }
  return where;
}

export async function listEvents(opts: {
  organizationId: string;
  /** The cluster tab: only this cluster's events (also when the filter names another). */
  clusterId?: string;
  /** A client's page: only the events about this cluster client (by its client ID). */
  apiClientId?: string;
  filter?: ActivityFilter;
  before?: string | null;
  limit?: number;
}): Promise<{ events: AuditEventView[]; nextCursor: string | null }> {
  const limit = opts.limit ?? AUDIT_PAGE_SIZE;
  const before = opts.before && /^\d{1,18}$/.test(opts.before) ? BigInt(opts.before) : undefined;
  const filter = opts.clusterId ? { ...opts.filter, cluster: opts.clusterId } : opts.filter;
  const rows = await db().auditEvent.findMany({
    where: {
      ...eventsWhere(opts.organizationId, filter),
      ...(opts.apiClientId !== undefined ? { targetType: "api_client", targetId: opts.apiClientId } : {}),
      ...(before !== undefined ? { id: { lt: before } } : {}),
    },
    orderBy: { id: "desc" },
    take: limit + 1,
  });
  const page = rows.slice(0, limit);
  const events = await withNames(opts.organizationId, page);
  return { events, nextCursor: rows.length > limit ? page[page.length - 1]!.id.toString() : null };
}

type AuditRow = Awaited<ReturnType<ReturnType<typeof db>["auditEvent"]["findMany"]>>[number];

/**
 * One query each for the page's clusters (deleted ones included: the
 * organization's activity says which cluster each client belonged to) and
 * its clients, so the sentences link only what still exists.
 */
export async function withNames(organizationId: string, page: AuditRow[]): Promise<AuditEventView[]> {
  const clusterIds = [
    ...new Set(page.flatMap((r) => [r.clusterId, r.targetType === "cluster" ? r.targetId : null]).filter((id): id is string => id !== null)),
  ];
  const clientIds = [...new Set(page.filter((r) => r.targetType === "api_client" || r.targetType === "admin_client").map((r) => r.targetId))];
  const [clusters, clients] = await Promise.all([
    clusterIds.length
      ? db().cluster.findMany({ where: { organizationId, id: { in: clusterIds } }, select: { id: true, name: true, deletedAt: true } })
      : [],
    clientIds.length ? db().apiClient.findMany({ where: { organizationId, clientId: { in: clientIds } }, select: { clientId: true } }) : [],
  ]);
  const cluster = new Map(clusters.map((c) => [c.id, c]));
  const liveClient = new Set(clients.map((c) => c.clientId));
  const live = (id: string | null) => id !== null && cluster.has(id) && cluster.get(id)!.deletedAt === null;
  return page.map((r) => ({
    id: r.id.toString(),
    action: r.action,
    actorEmail: r.actorEmail,
    actorName: r.actorName || r.actorEmail,
    actorClientId: r.actorClientId,
    targetType: r.targetType,
    targetId: r.targetId,
    targetName: r.targetName,
    targetExists:
      r.targetType === "cluster"
        ? live(r.targetId)
        : r.targetType === "api_client"
          ? liveClient.has(r.targetId) && live(r.clusterId)
          : r.targetType === "admin_client"
            ? liveClient.has(r.targetId)
            : false,
    clusterId: r.clusterId,
    clusterName: r.clusterId ? (cluster.get(r.clusterId)?.name ?? null) : null,
    clusterExists: live(r.clusterId),
    metadata: (r.metadata ?? {}) as Record<string, unknown>,
    createdAt: r.createdAt,
  }));
}
