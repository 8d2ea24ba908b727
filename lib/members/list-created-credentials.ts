// The live Administration API credentials of an organization by the member
// who created them: what a role change's or removal's confirmation offers to
// revoke (revoke-created-credentials.ts).
import "server-only";
import { db } from "@/lib/db/client";
import { ADMIN_CLIENT_LIST_LIMIT } from "@/lib/api-clients/list-admin-clients";

export interface CreatedCredential {
  clientId: string;
  name: string;
}

/** Live Administration API credentials by the member who created them (user ID), oldest first. */
export async function listCredentialsByCreator(organizationId: string): Promise<Record<string, CreatedCredential[]>> {
  const rows = await db().apiClient.findMany({
    where: { organizationId, clusterId: null, revokedAt: null, createdById: { not: null } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    // The Administration API tab's bound: organizations keep a handful.
    take: ADMIN_CLIENT_LIST_LIMIT,
    select: { clientId: true, name: true, createdById: true },
  });
  const byCreator: Record<string, CreatedCredential[]> = {};
  for (const r of rows) {
    const list = byCreator[r.createdById!] ?? [];
    list.push({ clientId: r.clientId, name: r.name });
    byCreator[r.createdById!] = list;
  }
  return byCreator;
}
