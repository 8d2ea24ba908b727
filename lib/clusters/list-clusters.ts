import "server-only";
import { db } from "@/lib/db/client";

export async function listClusters(organizationId: string) {
  return db().cluster.findMany({
    where: { organizationId, deletedAt: null },
    orderBy: { createdAt: "desc" },
    select: { id: true, name: true, description: true, region: true, createdAt: true, createdByEmail: true },
  });
}
