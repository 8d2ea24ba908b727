// The values of one cluster's connector secrets, for the connector runtime
// (the Secrets endpoint, app/cluster-api/secrets): name -> value, as Camunda's
// console secret provider reads them. The caller has already established that
// a Secrets-scoped client of this very cluster asks.
import "server-only";
import { db } from "@/lib/db/client";
import { openValue } from "@/lib/connector-secrets/value-encryption";
import { valueKeys, type ValueKeys } from "@/lib/connector-secrets/keys";
import { SECRETS_PER_CLUSTER_MAX } from "@/lib/connector-secrets/names";

export async function readClusterSecretValues(clusterId: string, keys: ValueKeys = valueKeys()): Promise<Record<string, string>> {
  const rows = await db().connectorSecret.findMany({
    where: { clusterId, cluster: { deletedAt: null } },
    select: { id: true, name: true, value: true },
    orderBy: { name: "asc" },
    take: SECRETS_PER_CLUSTER_MAX,
  });
  const out: Record<string, string> = Object.create(null);
  for (const r of rows) out[r.name] = openValue(keys, r.id, Buffer.from(r.value)).value;
  return out;
}
