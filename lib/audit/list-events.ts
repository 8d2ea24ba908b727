// Audit events newest first, keyset-paginated on the id (stable under inserts).
import "server-only";
import { db } from "@/lib/db/client";

export const AUDIT_PAGE_SIZE = 25;

export interface AuditEventView {
  id: string;
  action: string;
  actorEmail: string;
  /** Set when an Administration API client made the change. */
  actorClientId: string | null;
  targetType: string;
  targetId: string;
  targetName: string;
  clusterId: string | null;
  /** The cluster's name (also after it was deleted), for events about a cluster's clients. */
  clusterName: string | null;
  metadata: Record<string, unknown>;
  createdAt: Date;
}

export async function listEvents(opts: {
  organizationId: string;
  clusterId?: string;
  before?: string;
  limit?: number;
}): Promise<{ events: AuditEventView[]; nextCursor: string | null }> {
  const limit = opts.limit ?? AUDIT_PAGE_SIZE;
  const before = opts.before && /^\d{1,18}$/.test(opts.before) ? BigInt(opts.before) : undefined;
  const rows = await db().auditEvent.findMany({
    where: {
      organizationId: opts.organizationId,
      ...(opts.clusterId ? { clusterId: opts.clusterId } : {}),
      ...(before !== undefined ? { id: { lt: before } } : {}),
    },
    orderBy: { id: "desc" },
    take: limit + 1,
  });
  const page = rows.slice(0, limit);
  // One query for the names of the page's clusters, deleted ones included:
  // the organization's activity says which cluster each client belonged to.
  const clusterIds = [...new Set(page.map((r) => r.clusterId).filter((id): id is string => id !== null))];
  const clusters = clusterIds.length
    ? await db().cluster.findMany({
        where: { organizationId: opts.organizationId, id: { in: clusterIds } },
        select: { id: true, name: true },
      })
    : [];
  const clusterName = new Map(clusters.map((c) => [c.id, c.name]));
  return {
    events: page.map((r) => ({
      id: r.id.toString(),
      action: r.action,
      actorEmail: r.actorEmail,
      actorClientId: r.actorClientId,
      targetType: r.targetType,
      targetId: r.targetId,
      targetName: r.targetName,
      clusterId: r.clusterId,
      clusterName: r.clusterId ? (clusterName.get(r.clusterId) ?? null) : null,
      metadata: (r.metadata ?? {}) as Record<string, unknown>,
      createdAt: r.createdAt,
    })),
    nextCursor: rows.length > limit ? page[page.length - 1]!.id.toString() : null,
  };
}
