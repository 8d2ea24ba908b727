import { describe, expect, it } from "vitest";
import { listEvents } from "@/lib/audit/list-events";
import { createCluster } from "@/lib/clusters/create-cluster";
import { deleteCluster } from "@/lib/clusters/delete-cluster";
import { makeMember } from "@/tests/support/factories";

describe("audit trail", () => {
  it("pages newest first without gaps or repeats, per organization and per cluster", async () => {
    const owner = await makeMember("OWNER");
    const stranger = await makeMember("OWNER");
    const created = [];
    for (let i = 0; i < 7; i++) created.push(await createCluster(owner, { name: `c${i}`, region: "bru-2" }));
    await createCluster(stranger, { name: "theirs", region: "bru-2" });

    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listEvents({ organizationId: owner.organizationId, before: cursor, limit: 3 });
      seen.push(...page.events.map((e) => e.targetName));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(["c6", "c5", "c4", "c3", "c2", "c1", "c0"]);

    const one = await listEvents({ organizationId: owner.organizationId, clusterId: created[3]!.id });
    expect(one.events.map((e) => e.targetName)).toEqual(["c3"]);
    const foreign = await listEvents({ organizationId: stranger.organizationId, clusterId: created[3]!.id });
    expect(foreign.events).toEqual([]);
  });

  it("names the cluster of each cluster event, also after the cluster was deleted", async () => {
    const owner = await makeMember("OWNER");
    const kept = await createCluster(owner, { name: "payments-eu", region: "bru-2" });
    const gone = await createCluster(owner, { name: "old-staging", region: "bru-2" });
    await deleteCluster(owner, { clusterId: gone.id, confirmName: "old-staging" });
    const { events } = await listEvents({ organizationId: owner.organizationId });
    expect(events.map((e) => [e.action, e.clusterName])).toEqual([
      ["cluster.deleted", "old-staging"],
      ["cluster.created", "old-staging"],
      ["cluster.created", "payments-eu"],
    ]);
    expect(kept.id).toBeTruthy();
  });

  it("ignores malformed cursors", async () => {
    const owner = await makeMember("OWNER");
    await createCluster(owner, { name: "only", region: "bru-2" });
    for (const before of ["abc", "-1", "99999999999999999999999", "1e5"]) {
      const page = await listEvents({ organizationId: owner.organizationId, before });
      expect(page.events).toHaveLength(1);
    }
  });
});
