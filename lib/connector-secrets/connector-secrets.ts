// A cluster's connector secrets: list (names, who changed them and when),
// create, replace the value, delete; and, for the connector runtime, the
// values of one cluster (read-values.ts). A value is sealed before it is
// written (value-encryption.ts) and never returned by anything here but
// readClusterSecretValues. Each change is one transaction with its audit
// event, which names the secret and never carries the value. Authority is
// checked here, at the moment of the change: owners and admins
// (`connector_secret:manage`), and Administration API clients (which act as
// admins, within their permissions).
import "server-only";
import { randomUUID } from "node:crypto";
import { db, type Tx } from "@/lib/db/client";
import { AppError, fieldError, forbidden, notFound } from "@/lib/errors";
import { recordEvent } from "@/lib/audit/record-event";
import type { Principal } from "@/lib/auth/principal";
import { can } from "@/lib/auth/roles";
import { isUniqueViolation } from "@/lib/db/unique-violation";
import { sealValue } from "@/lib/connector-secrets/value-encryption";
import { valueKeys } from "@/lib/connector-secrets/keys";
import { SECRETS_PER_CLUSTER_MAX } from "@/lib/connector-secrets/names";

export interface ConnectorSecretView {
  name: string;
  createdAt: Date;
  createdByEmail: string;
  updatedAt: Date;
  updatedByEmail: string;
}

const VIEW = { name: true, createdAt: true, createdByEmail: true, updatedAt: true, updatedByEmail: true } as const;

/** Names only, oldest first; null when the cluster is not the organization's. */
export async function listConnectorSecrets(organizationId: string, clusterId: string): Promise<ConnectorSecretView[] | null> {
  const cluster = await db().cluster.findFirst({ where: { id: clusterId, organizationId, deletedAt: null }, select: { id: true } });
  if (!cluster) return null;
  return db().connectorSecret.findMany({
    where: { clusterId },
    select: VIEW,
    orderBy: [{ name: "asc" }],
    take: SECRETS_PER_CLUSTER_MAX,
  });
}

function mayManage(actor: Principal) {
  if (!can(actor.role, "connector_secret:manage")) throw forbidden("Only owners and admins can change connector secrets.");
}

/** The live cluster, locked, so changes to one cluster's secrets run one after the other. */
async function lockedCluster(tx: Tx, actor: Principal, clusterId: string) {
  const rows = await tx.$queryRaw<{ id: string; name: string }[]>`
    SELECT id::text, name FROM clusters
    WHERE id = ${clusterId}::uuid AND organization_id = ${actor.organizationId}::uuid AND deleted_at IS NULL
    FOR UPDATE`;
  if (!rows[0]) throw notFound("Cluster");
  return rows[0];
}

const event = (
  tx: Tx,
  actor: Principal,
  clusterId: string,
  action: "connector_secret.created" | "connector_secret.updated" | "connector_secret.deleted",
  secret: { id: string; name: string },
  clusterName: string,
) =>
  recordEvent(tx, {
    organizationId: actor.organizationId,
    clusterId,
    actor,
    action,
    target: { type: "connector_secret", id: secret.id, name: secret.name },
    metadata: { cluster: clusterName },
  });

const taken = (name: string) => fieldError("conflict", { name: [`This cluster already has a secret named ${name}. Replace its value instead.`] });

export async function createConnectorSecret(actor: Principal, input: { clusterId: string; name: string; value: string }): Promise<ConnectorSecretView> {
  mayManage(actor);
  const keys = valueKeys();
  try {
    return await db().$transaction(async (tx) => {
      const cluster = await lockedCluster(tx, actor, input.clusterId);
      const existing = await tx.connectorSecret.findFirst({ where: { clusterId: cluster.id, name: input.name }, select: { id: true } });
      if (existing) throw taken(input.name);
      const count = await tx.connectorSecret.count({ where: { clusterId: cluster.id } });
      if (count >= SECRETS_PER_CLUSTER_MAX) {
        throw new AppError("conflict", `A cluster can have at most ${SECRETS_PER_CLUSTER_MAX} connector secrets; delete one first.`);
      }
      const id = randomUUID();
      const created = await tx.connectorSecret.create({
        data: {
          id,
          clusterId: cluster.id,
          name: input.name,
          value: new Uint8Array(sealValue(keys.current, id, input.value)),
          createdByEmail: actor.email,
          updatedByEmail: actor.email,
        },
        select: VIEW,
      });
      await event(tx, actor, cluster.id, "connector_secret.created", { id, name: input.name }, cluster.name);
      return created;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw taken(input.name);
    throw err;
  }
}

export async function updateConnectorSecret(actor: Principal, input: { clusterId: string; name: string; value: string }): Promise<ConnectorSecretView> {
  mayManage(actor);
  const keys = valueKeys();
  return db().$transaction(async (tx) => {
    const cluster = await lockedCluster(tx, actor, input.clusterId);
    const existing = await tx.connectorSecret.findFirst({ where: { clusterId: cluster.id, name: input.name }, select: { id: true } });
    if (!existing) throw notFound("Connector secret");
    const updated = await tx.connectorSecret.update({
      where: { id: existing.id },
      data: { value: new Uint8Array(sealValue(keys.current, existing.id, input.value)), updatedByEmail: actor.email, updatedAt: new Date() },
      select: VIEW,
    });
    await event(tx, actor, cluster.id, "connector_secret.updated", { id: existing.id, name: input.name }, cluster.name);
    return updated;
  });
}

export async function deleteConnectorSecret(actor: Principal, input: { clusterId: string; name: string }): Promise<void> {
  mayManage(actor);
  await db().$transaction(async (tx) => {
    const cluster = await lockedCluster(tx, actor, input.clusterId);
    const existing = await tx.connectorSecret.findFirst({ where: { clusterId: cluster.id, name: input.name }, select: { id: true } });
    if (!existing) throw notFound("Connector secret");
    await tx.connectorSecret.delete({ where: { id: existing.id } });
    await event(tx, actor, cluster.id, "connector_secret.deleted", { id: existing.id, name: input.name }, cluster.name);
  });
}
