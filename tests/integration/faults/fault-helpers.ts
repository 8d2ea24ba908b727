// Shared by the fault tests: client creations running through a fault, and the
// check that the database holds only whole clients afterwards.
import { expect } from "vitest";
import type { Member } from "@/lib/auth/session";

/** Creates clients through the domain layer, `parallel` at a time, until stopped; failures are counted, not thrown. */
export function createClientsUntilStopped(owner: Member, clusterId: string, parallel: number) {
  const committed: string[] = [];
  let failed = 0;
  let running = true;
  let n = 0;
  const loop = async () => {
    const { createClient } = await import("@/lib/api-clients/create-client");
    while (running) {
      try {
        const c = await createClient(owner, { clusterId, name: `fault-${process.pid}-${n++}`, scopes: ["ZEEBE"] });
        committed.push(c.clientId);
      } catch {
        failed++;
        await new Promise((r) => setTimeout(r, 50));
      }
    }
  };
  const loops = Array.from({ length: parallel }, loop);
  return {
    async stop() {
      running = false;
      await Promise.all(loops);
      return { committed, failed };
    },
  };
}

/**
 * Every client of the cluster has exactly one live secret from its creation
 * (or rotations on top) and exactly one creation audit event; every client
 * reported as committed exists; no secret or event points at a missing client.
 */
export async function assertNoPartialClients(clusterId: string, committed: string[], opts: { exactlyOneSecret?: boolean } = {}) {
  const { db } = await import("@/lib/db/client");
  const clients = await db().apiClient.findMany({ where: { clusterId }, include: { secrets: true } });
  const ids = new Set(clients.map((c) => c.clientId));
  for (const id of committed) expect(ids.has(id), `committed client ${id} exists`).toBe(true);
  for (const c of clients) {
    if (opts.exactlyOneSecret !== false) expect(c.secrets, `secrets of ${c.clientId}`).toHaveLength(1);
    else expect(c.secrets.length).toBeGreaterThan(0);
  }
  const created = await db().auditEvent.findMany({ where: { clusterId, action: "client.created" }, select: { targetId: true } });
  expect(created.map((e) => e.targetId).sort()).toEqual([...ids].sort());
  const orphans = await db().$queryRaw<{ n: bigint }[]>`
    SELECT count(*) AS n FROM client_secrets s WHERE NOT EXISTS (SELECT 1 FROM api_clients c WHERE c.id = s.api_client_id)`;
  expect(Number(orphans[0]!.n)).toBe(0);
  return clients.length;
}
