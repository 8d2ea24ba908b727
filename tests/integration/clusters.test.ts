import { describe, expect, it } from "vitest";
import { createCluster } from "@/lib/clusters/create-cluster";
import { deleteCluster } from "@/lib/clusters/delete-cluster";
import { getCluster } from "@/lib/clusters/get-cluster";
import { listClusters } from "@/lib/clusters/list-clusters";
import { createClusterSchema } from "@/lib/clusters/schemas";
import { clusterAddresses } from "@cluster-console/credentials";
import { AppError } from "@/lib/errors";
import { auditActions, emptyDatabaseUrl, makeMember } from "@/tests/support/factories";
import { db } from "@/lib/db/client";
import { updateCluster } from "@/lib/clusters/update-cluster";
import { activityClusters } from "@/lib/audit/filter-choices";
import { applyMigrations } from "@/lib/db/migrate";
import { cp, mkdtemp, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";

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

  it("refuses a second live cluster of the same name, ignoring case, with a message naming the one that has it", async () => {
    const owner = await makeMember("OWNER");
    const other = await makeMember("OWNER");
    await createCluster(owner, { name: "Production EU", region: "bru-2" });
    const dup = await createCluster(owner, { name: "production eu", region: "jfk-1" }).catch((e: unknown) => e);
    expect(dup).toBeInstanceOf(AppError);
    expect((dup as AppError).code).toBe("conflict");
    expect((dup as AppError).fieldErrors?.name?.[0]).toBe(
      "Your organization already has a cluster named “Production EU”; names are compared ignoring case. Choose another name.",
    );
    // Another organization may use the name; a deleted cluster frees it.
    await createCluster(other, { name: "Production EU", region: "bru-2" });
    const staging = await createCluster(owner, { name: "Staging", region: "bru-2" });
    await deleteCluster(owner, { clusterId: staging.id, confirmName: "Staging" });
    await createCluster(owner, { name: "STAGING", region: "bru-2" });
    expect((await listClusters(owner.organizationId)).map((c) => c.name).sort()).toEqual(["Production EU", "STAGING"]);
  });

  it("a burst of creates with one name makes exactly one cluster; the rest get the duplicate-name error", async () => {
    const owner = await makeMember("OWNER");
    const results = await Promise.allSettled(Array.from({ length: 8 }, (_, i) => createCluster(owner, { name: i % 2 ? "Burst" : "BURST", region: "bru-2" })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results.filter((r) => r.status === "rejected")) {
      expect((r as PromiseRejectedResult).reason).toBeInstanceOf(AppError);
      expect(((r as PromiseRejectedResult).reason as AppError).fieldErrors?.name?.[0]).toMatch(/already has a cluster named/);
    }
    expect(await db().cluster.count({ where: { organizationId: owner.organizationId } })).toBe(1);
    expect(await auditActions(owner.organizationId)).toEqual(["cluster.created"]);
  });

  it("renames and describes a cluster with one audit event per change; a taken name is refused and changes nothing", async () => {
    const owner = await makeMember("OWNER");
    const a = await createCluster(owner, { name: "Orders", region: "bru-2" });
    await createCluster(owner, { name: "Billing", region: "bru-2" });
    const r = await updateCluster(owner, { clusterId: a.id, name: "Orders EU", description: "Order processing\nfor the EU shops" });
    expect(r.changed).toEqual(["name", "description"]);
    expect(await getCluster(owner.organizationId, a.id)).toMatchObject({ name: "Orders EU", description: "Order processing\nfor the EU shops" });
    expect((await updateCluster(owner, { clusterId: a.id, name: "Orders EU", description: "Order processing\nfor the EU shops" })).changed).toEqual([]);
    // Only the case changes: its own name is not a duplicate.
    expect((await updateCluster(owner, { clusterId: a.id, name: "orders eu" })).changed).toEqual(["name"]);
    await expect(updateCluster(owner, { clusterId: a.id, name: "BILLING" })).rejects.toMatchObject({ code: "conflict" });
    expect((await getCluster(owner.organizationId, a.id))?.name).toBe("orders eu");
    const stranger = await makeMember("OWNER");
    await expect(updateCluster(stranger, { clusterId: a.id, name: "Hijack" })).rejects.toThrow(/not found/);
    const events = await db().auditEvent.findMany({ where: { organizationId: owner.organizationId, clusterId: a.id }, orderBy: { id: "asc" } });
    expect(events.map((e) => [e.action, e.metadata])).toEqual([
      ["cluster.created", expect.anything()],
      ["cluster.renamed", { from: "Orders", to: "Orders EU" }],
      ["cluster.description_changed", { from: "", to: "Order processing\nfor the EU shops" }],
      ["cluster.renamed", { from: "Orders EU", to: "orders eu" }],
    ]);
  });

  it("the Activity cluster filter tells equal names apart by the start of their IDs", async () => {
    const owner = await makeMember("OWNER");
    const old = await createCluster(owner, { name: "Production EU", region: "bru-2" });
    await deleteCluster(owner, { clusterId: old.id, confirmName: "Production EU" });
    const live = await createCluster(owner, { name: "Production EU", region: "bru-2" });
    const single = await createCluster(owner, { name: "Staging", region: "bru-2" });
    const labels = Object.fromEntries((await activityClusters(owner.organizationId)).map((c) => [c.value, c.label]));
    expect(labels).toEqual({
      [old.id]: `Production EU · ${old.id.slice(0, 8)} (deleted)`,
      [live.id]: `Production EU · ${live.id.slice(0, 8)}`,
      [single.id]: "Staging",
    });
  });

  it("the migration renames existing duplicates (all but the oldest) by their IDs, and then the index refuses new ones", async () => {
    const url = await emptyDatabaseUrl();
    const all = path.join(process.cwd(), "prisma", "migrations");
    const before = await mkdtemp(path.join(os.tmpdir(), "migrations-"));
    const mine = "20261207010000_cluster_names_descriptions";
    for (const name of await readdir(all)) if (name < mine) await cp(path.join(all, name), path.join(before, name), { recursive: true });
    const client = new pg.Client({ connectionString: url });
    try {
      await applyMigrations(url, before);
      await client.connect();
      const org = (await client.query<{ id: string }>(`INSERT INTO organizations (id, name) VALUES (gen_random_uuid(), 'o') RETURNING id`)).rows[0]!.id;
      const insert = (name: string, at: string, deleted = false) =>
        client.query<{ id: string }>(
          `INSERT INTO clusters (id, organization_id, name, region, created_by_email, created_at, deleted_at)
           VALUES (gen_random_uuid(), $1, $2, 'bru-2', 'a@example.com', $3, $4) RETURNING id`,
          [org, name, at, deleted ? at : null],
        );
      const first = (await insert("Production EU", "2026-01-01")).rows[0]!.id;
      const second = (await insert("production eu", "2026-02-01")).rows[0]!.id;
      const gone = (await insert("Production EU", "2025-12-01", true)).rows[0]!.id;
      await applyMigrations(url);
      const names = Object.fromEntries((await client.query<{ id: string; name: string }>(`SELECT id, name FROM clusters`)).rows.map((r) => [r.id, r.name]));
      expect(names).toEqual({ [first]: "Production EU", [second]: `production eu ${second.slice(0, 8)}`, [gone]: "Production EU" });
      await expect(insert("PRODUCTION EU", "2026-03-01")).rejects.toThrow(/clusters_organization_id_live_name_key/);
    } finally {
      await client.end().catch(() => {});
      await rm(before, { recursive: true, force: true });
    }
  });
});
