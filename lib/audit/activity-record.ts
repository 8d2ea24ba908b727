// One audit event as the Activity API returns it (Camunda's AuditDto plus
// what the Activity page shows): one owner for the exports (export-events.ts)
// and the webhook payloads (lib/webhooks/payload.ts). Plain Node: the job
// runtime, started by scripts/serve.ts, loads it.
import type { Prisma } from "@/lib/generated/prisma/client";
import { eventDetails, eventSentence } from "@/lib/audit/event-details";

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

const auditType = (action: string): "c" | "u" | "d" =>
  /\.(created|added)$/.test(action) ? "c" : /\.(deleted|revoked|removed)$/.test(action) ? "d" : "u";

export const ACTIVITY_COLUMNS = {
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

export type ActivityRow = Prisma.AuditEventGetPayload<{ select: typeof ACTIVITY_COLUMNS }>;

export function toActivityRecord(organizationId: string, e: ActivityRow, clusterNames: Map<string, string>): ActivityRecord {
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

