// Create, list, rotate and revoke against the real database: the happy paths,
// audit rows in the same transaction, and the rotation invariants.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createClient } from "@/lib/api-clients/create-client";
import { listClients } from "@/lib/api-clients/list-clients";
import { rotateClientSecret } from "@/lib/api-clients/rotate-client-secret";
import { revokeClient } from "@/lib/api-clients/revoke-client";
import { endGracePeriod } from "@/lib/api-clients/end-grace-period";
import { hashSecret, isWellFormedClientId, isWellFormedSecret, secretMatches } from "@cluster-console/credentials/secrets";
import { auditActions } from "@/tests/support/factories";
import { liveSecrets, makeClusterWithOwner, snapshot } from "./helpers";

describe("API clients", () => {
  it("creates a client with one hashed secret and an audit event", async () => {
    const { owner, cluster } = await makeClusterWithOwner();
    const created = await createClient(owner, { clusterId: cluster.id, name: "  orders  ".trim(), scopes: ["ZEEBE", "OPERATE"] });
    expect(isWellFormedClientId(created.clientId)).toBe(true);
    expect(isWellFormedSecret(created.clientSecret)).toBe(true);
    expect(created.scopes).toEqual(["ZEEBE", "OPERATE"]);

    const row = await db().apiClient.findUniqueOrThrow({ where: { clientId: created.clientId }, include: { secrets: true } });
    expect(row).toMatchObject({ organizationId: owner.organizationId, clusterId: cluster.id, name: "orders", createdByEmail: owner.email });
    expect(row.secrets).toHaveLength(1);
    // The global omit hides the hash unless a query asks for it.
    expect("secretHash" in row.secrets[0]!).toBe(false);
    const stored = await db().clientSecret.findFirstOrThrow({ where: { apiClientId: row.id }, omit: { secretHash: false } });
    expect(secretMatches(created.clientSecret, stored.secretHash)).toBe(true);
    expect(stored.hint).toBe(created.clientSecret.slice(-4));

    const events = await db().auditEvent.findMany({ where: { organizationId: owner.organizationId, action: "client.created" } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorEmail: owner.email, targetId: created.clientId, targetName: "orders", clusterId: cluster.id });
    expect(JSON.stringify(events[0]!.metadata)).not.toContain(created.clientSecret);
  });

  it("lists clients with hint, status and pagination, never a hash", async () => {
    const { owner, cluster } = await makeClusterWithOwner();
    const made = [];
    for (let i = 0; i < 7; i++) made.push(await createClient(owner, { clusterId: cluster.id, name: `c${i}`, scopes: ["ZEEBE"] }));
    const p1 = await listClients(owner.organizationId, cluster.id, { pageSize: 3 });
    expect(p1).toMatchObject({ isFirst: true, isLast: false, total: 7, prevCursor: null });
    expect(p1.clients.map((c) => c.name)).toEqual(["c6", "c5", "c4"]);
    expect(p1.clients[0]).toMatchObject({ status: "active", secretHint: made[6]!.clientSecret.slice(-4), lastUsedAt: null });
    const p2 = await listClients(owner.organizationId, cluster.id, { pageSize: 3, query: { after: p1.nextCursor } });
    const p3 = await listClients(owner.organizationId, cluster.id, { pageSize: 3, query: { after: p2.nextCursor } });
    expect(p3.clients.map((c) => c.name)).toEqual(["c0"]);
    expect(p3).toMatchObject({ isLast: true, nextCursor: null });
    // A cursor that does not parse is the first page, not an error.
    expect((await listClients(owner.organizationId, cluster.id, { pageSize: 3, query: { after: "bm9wZQ" } })).clients[0]!.name).toBe("c6");
    expect(JSON.stringify(p1)).not.toMatch(/secretHash|ccs_/);
    // Another organization sees nothing of this cluster.
    const { owner: other } = await makeClusterWithOwner();
    expect((await listClients(other.organizationId, cluster.id)).total).toBe(0);
  });

  it("rotates with a grace period (two live secrets), then without (one)", async () => {
    const { owner, cluster } = await makeClusterWithOwner();
    const c = await createClient(owner, { clusterId: cluster.id, name: "svc", scopes: ["ZEEBE"] });
    const before = Date.now();
    const r1 = await rotateClientSecret(owner, { clusterId: cluster.id, clientId: c.clientId, grace: "24h" });
    expect(r1.clientId).toBe(c.clientId);
    expect(r1.clientSecret).not.toBe(c.clientSecret);
    const expires = r1.previousSecretExpiresAt!.getTime();
    expect(expires).toBeGreaterThanOrEqual(before + 24 * 3600_000);
    expect(expires).toBeLessThan(Date.now() + 24 * 3600_000 + 1000);

    let live = await liveSecrets(c.clientId);
    expect(live).toHaveLength(2);
    const listed = (await listClients(owner.organizationId, cluster.id)).clients[0]!;
    expect(listed).toMatchObject({ status: "rotating", secretHint: r1.clientSecret.slice(-4) });
    expect(listed.previousSecretExpiresAt?.getTime()).toBe(expires);

    const r2 = await rotateClientSecret(owner, { clusterId: cluster.id, clientId: c.clientId, grace: "now" });
    expect(r2.previousSecretExpiresAt).toBeNull();
    live = await liveSecrets(c.clientId);
    expect(live).toHaveLength(1);
    expect(Buffer.compare(Buffer.from((await db().clientSecret.findFirstOrThrow({ where: { id: live[0]!.id }, omit: { secretHash: false } })).secretHash), hashSecret(r2.clientSecret))).toBe(0);
    expect(await auditActions(owner.organizationId)).toEqual([
      "cluster.created", "client.created", "client.secret_rotated", "client.secret_rotated",
    ]);
  });

  it("keeps at most two live secrets however often it rotates", async () => {
    const { owner, cluster } = await makeClusterWithOwner();
    const c = await createClient(owner, { clusterId: cluster.id, name: "busy", scopes: ["ZEEBE"] });
    for (const grace of ["7d", "1h", "24h", "7d", "1h"] as const) {
      await rotateClientSecret(owner, { clusterId: cluster.id, clientId: c.clientId, grace });
      expect(await liveSecrets(c.clientId)).toHaveLength(2);
    }
    expect(await db().clientSecret.count({ where: { apiClient: { clientId: c.clientId } } })).toBe(6);
  });

  it("never extends a grace period that already ends sooner", async () => {
    const { owner, cluster } = await makeClusterWithOwner();
    const c = await createClient(owner, { clusterId: cluster.id, name: "g", scopes: ["ZEEBE"] });
    const r1 = await rotateClientSecret(owner, { clusterId: cluster.id, clientId: c.clientId, grace: "1h" });
    // The secret from r1 has no expiry yet, so it gets the full 7 days.
    const r2 = await rotateClientSecret(owner, { clusterId: cluster.id, clientId: c.clientId, grace: "7d" });
    expect(r2.previousSecretExpiresAt!.getTime() - Date.now()).toBeGreaterThan(6 * 24 * 3600_000);
    const live = await liveSecrets(c.clientId);
    expect(live.map((s) => s.hint).sort()).toEqual([r1.clientSecret.slice(-4), r2.clientSecret.slice(-4)].sort());
  });

  it("concurrent rotations serialize: still two live secrets, every rotation audited", async () => {
    const { owner, cluster } = await makeClusterWithOwner();
    const c = await createClient(owner, { clusterId: cluster.id, name: "race", scopes: ["ZEEBE"] });
    const results = await Promise.all(
      Array.from({ length: 6 }, () => rotateClientSecret(owner, { clusterId: cluster.id, clientId: c.clientId, grace: "1h" })),
    );
    expect(new Set(results.map((r) => r.clientSecret)).size).toBe(6);
    const live = await liveSecrets(c.clientId);
    expect(live).toHaveLength(2);
    // The newest has no expiry; the one it replaced is in its grace period.
    expect(live.filter((s) => s.expiresAt === null)).toHaveLength(1);
    expect(live.filter((s) => s.expiresAt !== null)).toHaveLength(1);
    expect((await auditActions(owner.organizationId)).filter((a) => a === "client.secret_rotated")).toHaveLength(6);
  });

  it("concurrent creates with the same name: exactly one wins, the rest get a name error", async () => {
    const { owner, cluster } = await makeClusterWithOwner();
    const settled = await Promise.allSettled(
      Array.from({ length: 5 }, (_, i) => createClient(owner, { clusterId: cluster.id, name: i % 2 ? "Same" : "same", scopes: ["ZEEBE"] })),
    );
    expect(settled.filter((s) => s.status === "fulfilled")).toHaveLength(1);
    for (const s of settled.filter((x) => x.status === "rejected")) {
      expect((s as PromiseRejectedResult).reason).toMatchObject({ code: "conflict", fieldErrors: { name: [expect.any(String)] } });
    }
    expect(await db().apiClient.count({ where: { clusterId: cluster.id } })).toBe(1);
    // Every loser is told the winner's spelling, whichever it was.
    const winner = (await db().apiClient.findFirstOrThrow({ where: { clusterId: cluster.id } })).name;
    for (const s of settled.filter((x) => x.status === "rejected")) {
      expect((s as PromiseRejectedResult).reason.fieldErrors.name[0]).toContain(`client named “${winner}”`);
    }
  });

  it("revokes the client and all its secrets with one audit event; the name is free again", async () => {
    const { owner, cluster } = await makeClusterWithOwner();
    const c = await createClient(owner, { clusterId: cluster.id, name: "old", scopes: ["ZEEBE"] });
    await rotateClientSecret(owner, { clusterId: cluster.id, clientId: c.clientId, grace: "7d" });
    const res = await revokeClient(owner, { clusterId: cluster.id, clientId: c.clientId });
    expect(res.clientId).toBe(c.clientId);
    const row = await db().apiClient.findUniqueOrThrow({ where: { clientId: c.clientId }, include: { secrets: true } });
    expect(row.revokedAt).not.toBeNull();
    expect(row.revokedByEmail).toBe(owner.email);
    expect(row.secrets.every((s) => s.revokedAt !== null)).toBe(true);
    // Hidden from the default list; shown when revoked clients are asked for.
    expect((await listClients(owner.organizationId, cluster.id)).total).toBe(0);
    const listed = (await listClients(owner.organizationId, cluster.id, { query: { status: "revoked" } })).clients[0]!;
    expect(listed).toMatchObject({ status: "revoked", secretHint: null });
    expect((await auditActions(owner.organizationId)).at(-1)).toBe("client.revoked");
    const again = await createClient(owner, { clusterId: cluster.id, name: "OLD", scopes: ["ZEEBE"] });
    expect(again.clientId).not.toBe(c.clientId);
  });

  it("concurrent rotate and revoke never leave a live secret on a revoked client", async () => {
    const { owner, cluster } = await makeClusterWithOwner();
    const c = await createClient(owner, { clusterId: cluster.id, name: "rr", scopes: ["ZEEBE"] });
    const ref = { clusterId: cluster.id, clientId: c.clientId };
    await Promise.allSettled([
      rotateClientSecret(owner, { ...ref, grace: "7d" }),
      revokeClient(owner, ref),
      rotateClientSecret(owner, { ...ref, grace: "now" }),
    ]);
    expect(await liveSecrets(c.clientId)).toHaveLength(0);
  });

  it("ends a grace period: the old secret stops now, the current one keeps working, audited; without one, a conflict that changes nothing", async () => {
    const { owner, cluster } = await makeClusterWithOwner();
    const c = await createClient(owner, { clusterId: cluster.id, name: "grace", scopes: ["ZEEBE"] });
    const ref = { clusterId: cluster.id, clientId: c.clientId };
    const r = await rotateClientSecret(owner, { ...ref, grace: "7d" });
    expect(await liveSecrets(c.clientId)).toHaveLength(2);

    expect(await endGracePeriod(owner, ref)).toEqual({ clientId: c.clientId, secretsRevoked: 1 });
    const live = await liveSecrets(c.clientId);
    expect(live).toHaveLength(1);
    const kept = await db().clientSecret.findFirstOrThrow({ where: { id: live[0]!.id }, omit: { secretHash: false } });
    expect(Buffer.compare(Buffer.from(kept.secretHash), hashSecret(r.clientSecret))).toBe(0);
    expect((await listClients(owner.organizationId, cluster.id)).clients[0]).toMatchObject({ status: "active", previousSecretExpiresAt: null });
    const event = await db().auditEvent.findFirstOrThrow({ where: { organizationId: owner.organizationId }, orderBy: { id: "desc" } });
    expect(event).toMatchObject({ action: "client.grace_period_ended", targetId: c.clientId, actorEmail: owner.email });
    expect(event.metadata).toMatchObject({ clientId: c.clientId, secretsRevoked: 1, previousSecretExpiresAt: r.previousSecretExpiresAt!.toISOString() });

    // Nothing left to end: refused, nothing written.
    const before = await snapshot(owner.organizationId);
    await expect(endGracePeriod(owner, ref)).rejects.toMatchObject({ code: "conflict" });
    expect(await snapshot(owner.organizationId)).toEqual(before);
    // Another organization's client is not found; a cluster client is not an Administration API one.
    const other = await makeClusterWithOwner();
    await expect(endGracePeriod(other.owner, ref)).rejects.toMatchObject({ code: "not_found" });
    await expect(endGracePeriod(owner, { clusterId: null, clientId: c.clientId })).rejects.toMatchObject({ code: "not_found" });
  });

  it("concurrent ends of one grace period: one revokes, the rest are conflicts; one audit event", async () => {
    const { owner, cluster } = await makeClusterWithOwner();
    const c = await createClient(owner, { clusterId: cluster.id, name: "burst", scopes: ["ZEEBE"] });
    const ref = { clusterId: cluster.id, clientId: c.clientId };
    await rotateClientSecret(owner, { ...ref, grace: "24h" });
    const results = await Promise.allSettled(Array.from({ length: 8 }, () => endGracePeriod(owner, ref)));
    expect(results.filter((x) => x.status === "fulfilled")).toHaveLength(1);
    for (const x of results) if (x.status === "rejected") expect(x.reason).toMatchObject({ code: "conflict" });
    expect(await liveSecrets(c.clientId)).toHaveLength(1);
    expect((await auditActions(owner.organizationId)).filter((a) => a === "client.grace_period_ended")).toHaveLength(1);
  });
});
