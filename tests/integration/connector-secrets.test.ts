// Connector secrets in the domain: values sealed at rest (AES-256-GCM under
// KEY_ENCRYPTION_KEY, bound to their row), readable for the connector runtime
// only through readClusterSecretValues, covered by a key change (the previous
// key still opens them; `npm run keys:reencrypt` seals them again), and the
// role table: owners and admins change them, nobody else.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createCluster } from "@/lib/clusters/create-cluster";
import {
  createConnectorSecret,
  deleteConnectorSecret,
  listConnectorSecrets,
  updateConnectorSecret,
} from "@/lib/connector-secrets/connector-secrets";
import { readClusterSecretValues } from "@/lib/connector-secrets/read-values";
import { reencryptConnectorSecrets } from "@/lib/connector-secrets/reencrypt";
import { openValue, sealValue } from "@/lib/connector-secrets/value-encryption";
import { valueKeys } from "@/lib/connector-secrets/keys";
import { ROLES } from "@/lib/auth/roles";
import { makeMember, uniq } from "@/tests/support/factories";

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 2 });
afterAll(() => pool.end());

async function clusterWithOwner() {
  const owner = await makeMember("OWNER");
  const cluster = await createCluster(owner, { name: `c-${uniq()}`, region: "bru-2" });
  return { owner, cluster };
}

describe("connector secrets at rest", () => {
  it("stores the value sealed (no plaintext in the row), lists names only, reads values for the runtime", async () => {
    const { owner, cluster } = await clusterWithOwner();
    const value = `plain-${uniq()}-${uniq()}`;
    await createConnectorSecret(owner, { clusterId: cluster.id, name: "API_KEY", value });
    const { rows } = await pool.query<{ id: string; value: Buffer }>("SELECT id::text, value FROM connector_secrets WHERE cluster_id = $1", [cluster.id]);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.value.includes(Buffer.from(value))).toBe(false);
    expect(rows[0]!.value.toString("latin1")).not.toContain(value);
    expect(rows[0]!.value.length).toBe(1 + 12 + 16 + Buffer.byteLength(value));
    const list = await listConnectorSecrets(owner.organizationId, cluster.id);
    expect(list).toEqual([expect.objectContaining({ name: "API_KEY", createdByEmail: owner.email, updatedByEmail: owner.email })]);
    expect(JSON.stringify(list)).not.toContain(value);
    // The default client omits the value column from every query.
    expect(Object.keys((await db().connectorSecret.findFirstOrThrow({ where: { clusterId: cluster.id } })) as object)).not.toContain("value");
    expect(await readClusterSecretValues(cluster.id)).toEqual({ API_KEY: value });
    await updateConnectorSecret(owner, { clusterId: cluster.id, name: "API_KEY", value: "second" });
    expect(await readClusterSecretValues(cluster.id)).toEqual({ API_KEY: "second" });
  });

  it("a sealed value is bound to its row: moved to another secret, it does not open", async () => {
    const { owner, cluster } = await clusterWithOwner();
    await createConnectorSecret(owner, { clusterId: cluster.id, name: "A", value: "alpha" });
    await createConnectorSecret(owner, { clusterId: cluster.id, name: "B", value: "beta" });
    await pool.query(`UPDATE connector_secrets SET value = (SELECT value FROM connector_secrets WHERE cluster_id = $1 AND name = 'A') WHERE cluster_id = $1 AND name = 'B'`, [cluster.id]);
    await expect(readClusterSecretValues(cluster.id)).rejects.toThrow(/cannot be decrypted/);
    const err = await readClusterSecretValues(cluster.id).catch((e: Error) => e.message);
    expect(err).not.toContain("alpha");
  });

  it("a key change: the previous key still opens values, keys:reencrypt seals them under the new one, then the old key is not needed", async () => {
    const { owner, cluster } = await clusterWithOwner();
    const oldKey = valueKeys().current;
    await createConnectorSecret(owner, { clusterId: cluster.id, name: "ROTATED", value: "survives-the-change" });
    await createConnectorSecret(owner, { clusterId: cluster.id, name: "ALSO", value: "me-too" });
    const newKey = randomBytes(32);
    // Under the new key alone, the old values do not open.
    await expect(readClusterSecretValues(cluster.id, { current: newKey })).rejects.toThrow(/cannot be decrypted/);
    expect(await readClusterSecretValues(cluster.id, { current: newKey, previous: oldKey })).toEqual({ ALSO: "me-too", ROTATED: "survives-the-change" });
    // One cluster only: the suite's other files share the database and the key.
    const only = { clusterId: cluster.id };
    expect(await reencryptConnectorSecrets(pool, { current: newKey, previous: oldKey }, only)).toEqual({ reencrypted: 2, total: 2, unreadable: [] });
    expect(await readClusterSecretValues(cluster.id, { current: newKey })).toEqual({ ALSO: "me-too", ROTATED: "survives-the-change" });
    // Twice is harmless: nothing left under the old key.
    expect((await reencryptConnectorSecrets(pool, { current: newKey, previous: oldKey }, only)).reencrypted).toBe(0);
    // A value neither key opens is reported by ID and left alone.
    const stranger = randomBytes(32);
    const lost = await reencryptConnectorSecrets(pool, { current: stranger }, only);
    expect(lost).toMatchObject({ reencrypted: 0, total: 2 });
    expect(lost.unreadable).toHaveLength(2);
    // Back under the suite's key.
    await reencryptConnectorSecrets(pool, { current: oldKey, previous: newKey }, only);
    expect(await readClusterSecretValues(cluster.id)).toEqual({ ALSO: "me-too", ROTATED: "survives-the-change" });
  });

  it("sealValue/openValue: a wrong key or a truncated value is refused without the value in the error", () => {
    const k = randomBytes(32);
    const sealed = sealValue(k, "row-1", "top secret");
    expect(openValue({ current: k }, "row-1", sealed)).toEqual({ value: "top secret", withPrevious: false });
    expect(() => openValue({ current: randomBytes(32) }, "row-1", sealed)).toThrow(/cannot be decrypted/);
    expect(() => openValue({ current: k }, "row-2", sealed)).toThrow(/cannot be decrypted/);
    expect(() => openValue({ current: k }, "row-1", sealed.subarray(0, 20))).toThrow(/cannot be decrypted/);
  });
});

describe("connector secrets: the role table", () => {
  it("owners and admins create, replace and delete; operations engineers, developers and visitors are refused, nothing written", async () => {
    const { owner, cluster } = await clusterWithOwner();
    const org = { id: owner.organizationId, name: "x" };
    for (const role of ROLES) {
      const m = role === "OWNER" ? owner : await makeMember(role, org);
      const name = `S_${role}`;
      const attempt = createConnectorSecret(m, { clusterId: cluster.id, name, value: "v" });
      if (role === "OWNER" || role === "ADMIN") {
        await attempt;
        await updateConnectorSecret(m, { clusterId: cluster.id, name, value: "w" });
        await deleteConnectorSecret(m, { clusterId: cluster.id, name });
      } else {
        await expect(attempt).rejects.toMatchObject({ code: "forbidden" });
        await createConnectorSecret(owner, { clusterId: cluster.id, name, value: "v" });
        await expect(updateConnectorSecret(m, { clusterId: cluster.id, name, value: "w" })).rejects.toMatchObject({ code: "forbidden" });
        await expect(deleteConnectorSecret(m, { clusterId: cluster.id, name })).rejects.toMatchObject({ code: "forbidden" });
        // Everyone sees the names.
        expect((await listConnectorSecrets(m.organizationId, cluster.id))!.map((x) => x.name)).toContain(name);
      }
    }
    expect(await readClusterSecretValues(cluster.id)).toEqual({ S_DEVELOPER: "v", S_OPERATIONS_ENGINEER: "v", S_VISITOR: "v" });
  });

  it("another organization's member cannot list or change the cluster's secrets", async () => {
    const { owner, cluster } = await clusterWithOwner();
    await createConnectorSecret(owner, { clusterId: cluster.id, name: "MINE", value: "v" });
    const stranger = await makeMember("OWNER");
    expect(await listConnectorSecrets(stranger.organizationId, cluster.id)).toBeNull();
    await expect(updateConnectorSecret(stranger, { clusterId: cluster.id, name: "MINE", value: "x" })).rejects.toMatchObject({ code: "not_found" });
    await expect(deleteConnectorSecret(stranger, { clusterId: cluster.id, name: "MINE" })).rejects.toMatchObject({ code: "not_found" });
    expect(await readClusterSecretValues(cluster.id)).toEqual({ MINE: "v" });
  });
});
