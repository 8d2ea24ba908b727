import { describe, expect, it } from "vitest";
import { createCluster } from "@/lib/clusters/create-cluster";
import { deleteCluster } from "@/lib/clusters/delete-cluster";
import { getCluster } from "@/lib/clusters/get-cluster";
import { listClusters } from "@/lib/clusters/list-clusters";
import { createClusterSchema } from "@/lib/clusters/schemas";
import { clusterAddresses } from "@/lib/clusters/addresses";
import { AppError } from "@/lib/errors";
import { auditActions, makeMember } from "@/tests/support/factories";
import { db } from "@/lib/db/client";

describe("clusters", () => {
  it("creates a cluster with its audit event, visible only to its organization", async () => {
    const owner = await makeMember("OWNER");
    const stranger = await makeMember("OWNER");
    const cluster = await createCluster(owner, { name: "Payments", region: "bru-2" });

    expect(await getCluster(owner.organizationId, cluster.id)).toMatchObject({ name: "Payments", region: "bru-2" });
    expect(await getCluster(stranger.organizationId, cluster.id)).toBeNull();
    expect((await listClusters(stranger.organizationId)).map((c) => c.id)).not.toContain(cluster.id);
    expect(await auditActions(owner.organizationId)).toEqual(["cluster.created"]);
  });

  it("rejects a region outside the configured list and writes nothing", async () => {
    const owner = await makeMember("OWNER");
    const err = await createCluster(owner, { name: "Nowhere", region: "mars-1" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).fieldErrors?.region).toBeDefined();
    expect(await listClusters(owner.organizationId)).toEqual([]);
    expect(await auditActions(owner.organizationId)).toEqual([]);
  });

  it("validates names", () => {
    const bad = ["", "   ", "x".repeat(51), "\u3164", "Prod\u200bEU"];
    for (const name of bad) expect(createClusterSchema.safeParse({ name, region: "bru-2" }).success).toBe(false);
    expect(createClusterSchema.parse({ name: "  Prod EU-1  ", region: "bru-2" }).name).toBe("Prod EU-1");
    // The names rule of every name (lib/validation/visible-text.ts): what client names take, cluster names take.
    for (const name of ["Payments (EU) 🚀", "<script>", "-leading-dash"]) {
      expect(createClusterSchema.parse({ name, region: "bru-2" }).name).toBe(name);
    }
  });

  it("looks up malformed or unknown IDs as missing, never as an error", async () => {
    const owner = await makeMember("OWNER");
    for (const id of ["nope", "' OR 1=1 --", "00000000-0000-0000-0000-000000000000", "x".repeat(5000)]) {
      expect(await getCluster(owner.organizationId, id)).toBeNull();
    }
  });

  it("deletes only with the exact name, once, and audits it", async () => {
    const owner = await makeMember("OWNER");
    const cluster = await createCluster(owner, { name: "Staging", region: "jfk-1" });
    await expect(deleteCluster(owner, { clusterId: cluster.id, confirmName: "staging" })).rejects.toThrow(
      /does not match/,
    );
    expect(await getCluster(owner.organizationId, cluster.id)).not.toBeNull();

    await deleteCluster(owner, { clusterId: cluster.id, confirmName: "Staging" });
    expect(await getCluster(owner.organizationId, cluster.id)).toBeNull();
    await expect(deleteCluster(owner, { clusterId: cluster.id, confirmName: "Staging" })).rejects.toThrow(/not found/);
    expect(await auditActions(owner.organizationId)).toEqual(["cluster.created", "cluster.deleted"]);
    // Soft delete: the row stays for the audit trail.
    expect(await db().cluster.count({ where: { id: cluster.id } })).toBe(1);
  });

  it("cannot delete another organization's cluster", async () => {
    const owner = await makeMember("OWNER");
    const stranger = await makeMember("OWNER");
    const cluster = await createCluster(owner, { name: "Mine", region: "bru-2" });
    await expect(deleteCluster(stranger, { clusterId: cluster.id, confirmName: "Mine" })).rejects.toThrow(/not found/);
    expect(await getCluster(owner.organizationId, cluster.id)).not.toBeNull();
  });

  it("derives connection addresses from configuration", () => {
    const a = clusterAddresses(
      { id: "c0ffee00-0000-4000-8000-000000000000", region: "bru-2" },
      { CLUSTER_DOMAIN: "example.io", PUBLIC_URL: "https://console.example.io" },
    );
    expect(a).toMatchObject({
      zeebeAddress: "c0ffee00-0000-4000-8000-000000000000.bru-2.zeebe.example.io:443",
      grpcAddress: "grpcs://c0ffee00-0000-4000-8000-000000000000.bru-2.zeebe.example.io:443",
      restAddress: "https://bru-2.zeebe.example.io/c0ffee00-0000-4000-8000-000000000000",
      oauthUrl: "https://console.example.io/oauth/token",
      audience: "zeebe.example.io",
    });
  });
});
