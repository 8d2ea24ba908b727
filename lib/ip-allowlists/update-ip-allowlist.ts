// Set a cluster's IP allowlist (the console's cluster page and the
// Administration API's PUT /clusters/{id}/ipallowlist and /ipwhitelist), or
// one client's narrower list, with one audit event in the same transaction.
// The token endpoint reads the lists with the client; the change triggers on
// api_clients and clusters (migration 20261208100000) flush its caches.
import "server-only";
import { db } from "@/lib/db/client";
import { forbidden, notFound } from "@/lib/errors";
import { recordEvent } from "@/lib/audit/record-event";
import { recordClusterEvent } from "@/lib/clusters/cluster-audit";
import type { Principal } from "@/lib/auth/principal";
import { can } from "@/lib/auth/roles";
import { storedAllowlist, type IpAllowlistEntry } from "@/lib/ip-allowlists/ip-allowlist";

const same = (a: readonly IpAllowlistEntry[], b: readonly IpAllowlistEntry[]) => JSON.stringify(a) === JSON.stringify(b);

export async function updateClusterIpAllowlist(
  actor: Principal,
  input: { clusterId: string; entries: IpAllowlistEntry[] },
): Promise<{ changed: boolean; entries: IpAllowlistEntry[] }> {
  if (!can(actor.role, "cluster:edit")) throw forbidden();
  return db().$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ id: string; name: string; ip_allowlist: unknown }[]>`
      SELECT id::text, name, ip_allowlist FROM clusters
      WHERE id = ${input.clusterId}::uuid AND organization_id = ${actor.organizationId}::uuid AND deleted_at IS NULL
      FOR UPDATE`;
    const cluster = rows[0];
    if (!cluster) throw notFound("Cluster");
    const before = storedAllowlist(cluster.ip_allowlist);
    if (same(before, input.entries)) return { changed: false, entries: before };
    await tx.cluster.update({ where: { id: cluster.id }, data: { ipAllowlist: input.entries as object[] }, select: { id: true } });
    await recordClusterEvent(tx, actor, cluster, "cluster.ip_allowlist_changed", {
      from: before.map((e) => e.ip).join(", ") || "(everyone)",
      to: input.entries.map((e) => e.ip).join(", ") || "(everyone)",
    });
    return { changed: true, entries: input.entries };
  });
}

export async function updateClientIpAllowlist(
  actor: Principal,
  input: { clusterId: string; clientId: string; entries: IpAllowlistEntry[] },
): Promise<{ changed: boolean; entries: IpAllowlistEntry[] }> {
  if (!can(actor.role, "client:edit")) throw forbidden();
  return db().$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ id: string; name: string; ip_allowlist: unknown }[]>`
      SELECT c.id::text, c.name, c.ip_allowlist FROM api_clients c JOIN clusters k ON k.id = c.cluster_id
      WHERE c.client_id = ${input.clientId} AND c.cluster_id = ${input.clusterId}::uuid
        AND c.organization_id = ${actor.organizationId}::uuid AND c.revoked_at IS NULL AND k.deleted_at IS NULL
      FOR UPDATE OF c`;
    const client = rows[0];
    if (!client) throw notFound("API client");
    const before = storedAllowlist(client.ip_allowlist);
    if (same(before, input.entries)) return { changed: false, entries: before };
    await tx.apiClient.update({ where: { id: client.id }, data: { ipAllowlist: input.entries as object[] }, select: { id: true } });
    await recordEvent(tx, {
      organizationId: actor.organizationId,
      clusterId: input.clusterId,
      actor,
      action: "client.ip_allowlist_changed",
      target: { type: "client", id: input.clientId, name: client.name },
      metadata: { from: before.map((e) => e.ip).join(", ") || "(the cluster's)", to: input.entries.map((e) => e.ip).join(", ") || "(the cluster's)" },
    });
    return { changed: true, entries: input.entries };
  });
}
