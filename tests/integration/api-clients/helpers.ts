// Shared set-up for the API client integration tests: a cluster in a fresh
// organization, and a snapshot of everything a client operation may write,
// so "writes nothing" can be asserted exactly.
import { db } from "@/lib/db/client";
import { createCluster } from "@/lib/clusters/create-cluster";
import type { Member } from "@/lib/auth/session";
import { makeMember, uniq } from "@/tests/support/factories";
import type { Role } from "@/lib/generated/prisma/enums";

export async function makeClusterWithOwner(role: Role = "OWNER") {
  const owner = await makeMember(role);
  const cluster = await createCluster(owner, { name: `cluster-${uniq()}`, region: "bru-2" });
  return { owner, cluster };
}

export async function snapshot(organizationId: string) {
  const [clients, secrets, audit] = await Promise.all([
    db().apiClient.findMany({ where: { organizationId }, orderBy: { id: "asc" } }),
    db().clientSecret.findMany({
      where: { apiClient: { organizationId } },
      orderBy: { id: "asc" },
      omit: { secretHash: false },
    }),
    db().auditEvent.findMany({ where: { organizationId }, orderBy: { id: "asc" } }),
  ]);
  // BigInt ids and Buffers need a stable text form to compare snapshots.
  return JSON.stringify({ clients, secrets, audit }, (_k, v) => (typeof v === "bigint" ? v.toString() : v));
}

export async function liveSecrets(clientId: string, now = new Date()) {
  return db().clientSecret.findMany({
    where: {
      apiClient: { clientId },
      revokedAt: null,
      OR: [{ expiresAt: null }, { expiresAt: { gt: now } }],
    },
    orderBy: { createdAt: "asc" },
  });
}

export const asMember = (m: Member, role: Role): Member => ({ ...m, role });
