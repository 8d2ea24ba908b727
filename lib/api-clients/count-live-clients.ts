// How many unrevoked API clients a cluster has: what deleting it stops.
import "server-only";
import { db } from "@/lib/db/client";

export function countLiveClients(organizationId: string, clusterId: string): Promise<number> {
  return db().apiClient.count({ where: { organizationId, clusterId, revokedAt: null, cluster: { deletedAt: null } } });
}
