// Concurrency against the real database: 50 creations at once through the
// server action (session mocked, as in tests/integration/api-clients/actions.test.ts),
// and rotate/revoke races watched from outside while they run. The invariants:
// every change is whole, no client ever has more than two live secrets, and
// audit events match the changes one for one.
// (Same-name creations and small rotate/revoke races: tests/integration/api-clients/api-clients.test.ts.)
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Member } from "@/lib/auth/session";

const session = vi.hoisted(() => ({ member: null as Member | null }));
vi.mock("@/lib/auth/session", () => ({ currentMember: async () => session.member }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

import { createApiClient } from "@/app/actions/create-api-client";
import { createClient } from "@/lib/api-clients/create-client";
import { revokeClient } from "@/lib/api-clients/revoke-client";
import { rotateClientSecret } from "@/lib/api-clients/rotate-client-secret";
import { db } from "@/lib/db/client";
import { makeClusterWithOwner } from "@/tests/integration/api-clients/helpers";
import { assertNoPartialClients } from "./fault-helpers";

beforeEach(() => {
  session.member = null;
});

const GRACES = ["now", "1h", "24h", "7d"] as const;

/** The most live secrets any client of the cluster has, read by a separate query while changes run. */
function watchLiveSecrets(clusterId: string) {
  let max = 0;
  let reads = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      const rows = await db().$queryRaw<{ n: bigint }[]>`
        SELECT count(s.id) AS n FROM api_clients c
          LEFT JOIN client_secrets s ON s.api_client_id = c.id AND s.revoked_at IS NULL AND (s.expires_at IS NULL OR s.expires_at > now())
         WHERE c.cluster_id = ${clusterId}::uuid GROUP BY c.id ORDER BY n DESC LIMIT 1`;
      max = Math.max(max, Number(rows[0]?.n ?? 0));
      reads++;
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return { max, reads };
    },
  };
}

async function auditCount(clusterId: string, action: string, targetId?: string) {
  return db().auditEvent.count({ where: { clusterId, action, ...(targetId ? { targetId } : {}) } });
}

describe("concurrency", () => {
  it("50 parallel creations through the server action: 50 whole clients, 50 audit events", async () => {
    const { owner, cluster } = await makeClusterWithOwner();
    session.member = owner;
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => createApiClient(undefined, { clusterId: cluster.id, name: `parallel-${i}`, scopes: "ZEEBE" })),
    );
    const ids = results.map((r) => {
      if (!r.ok || !("clientId" in r.data)) throw new Error(`creation failed: ${JSON.stringify(r)}`);
      return r.data.clientId;
    });
    expect(new Set(ids).size).toBe(50);
    expect(await assertNoPartialClients(cluster.id, ids)).toBe(50);
  });

  it("20 rotations and 2 revocations of one client at once: never over two live secrets, one revocation, every change audited", async () => {
    const { owner, cluster } = await makeClusterWithOwner();
    const c = await createClient(owner, { clusterId: cluster.id, name: "raced", scopes: ["ZEEBE"] });
    const ref = { clusterId: cluster.id, clientId: c.clientId };
    const watch = watchLiveSecrets(cluster.id);
    const ops = [
      ...Array.from({ length: 20 }, (_, i) => ({ kind: "rotate" as const, run: () => rotateClientSecret(owner, { ...ref, grace: GRACES[i % 4]! }) })),
      { kind: "revoke" as const, run: () => revokeClient(owner, ref) },
      { kind: "revoke" as const, run: () => revokeClient(owner, ref) },
    ];
    // The revocations go in the middle of the rotations.
    [ops[10], ops[20]] = [ops[20]!, ops[10]!];
    const settled = await Promise.allSettled(ops.map((o) => o.run()));
    const { max, reads } = await watch.stop();

    const ok = (kind: string) => settled.filter((s, i) => ops[i]!.kind === kind && s.status === "fulfilled").length;
    for (const [i, s] of settled.entries()) {
      if (s.status === "rejected") expect(s.reason, `${ops[i]!.kind} refused`).toMatchObject({ code: "conflict" });
    }
    expect(ok("revoke")).toBe(1);
    expect(reads).toBeGreaterThan(0);
    expect(max).toBeLessThanOrEqual(2);

    const row = await db().apiClient.findUniqueOrThrow({ where: { clientId: c.clientId }, include: { secrets: true } });
    expect(row.revokedAt).not.toBeNull();
    expect(row.secrets.every((s) => s.revokedAt !== null)).toBe(true);
    // One secret per successful change, none from a refused one.
    expect(row.secrets).toHaveLength(1 + ok("rotate"));
    expect(await auditCount(cluster.id, "client.secret_rotated", c.clientId)).toBe(ok("rotate"));
    expect(await auditCount(cluster.id, "client.revoked", c.clientId)).toBe(1);
    expect(await auditCount(cluster.id, "client.created", c.clientId)).toBe(1);
  });

  it("10 clients rotated 5 times each, all at once: two live secrets each, 50 rotation events", async () => {
    const { owner, cluster } = await makeClusterWithOwner();
    const clients = await Promise.all(Array.from({ length: 10 }, (_, i) => createClient(owner, { clusterId: cluster.id, name: `r${i}`, scopes: ["ZEEBE"] })));
    const watch = watchLiveSecrets(cluster.id);
    await Promise.all(
      clients.flatMap((c) => Array.from({ length: 5 }, (_, i) => rotateClientSecret(owner, { clusterId: cluster.id, clientId: c.clientId, grace: GRACES[1 + (i % 3)]! }))),
    );
    const { max } = await watch.stop();
    expect(max).toBeLessThanOrEqual(2);
    const live = await db().$queryRaw<{ client_id: string; n: bigint }[]>`
      SELECT c.client_id, count(s.id) AS n FROM api_clients c
        JOIN client_secrets s ON s.api_client_id = c.id AND s.revoked_at IS NULL AND (s.expires_at IS NULL OR s.expires_at > now())
       WHERE c.cluster_id = ${cluster.id}::uuid GROUP BY c.client_id`;
    expect(live.map((r) => Number(r.n))).toEqual(Array(10).fill(2));
    expect(await auditCount(cluster.id, "client.secret_rotated")).toBe(50);
    expect(await db().clientSecret.count({ where: { apiClient: { clusterId: cluster.id } } })).toBe(60);
  });
});
