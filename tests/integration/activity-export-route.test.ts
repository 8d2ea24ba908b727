// The Activity page's downloads (GET /activity/export.csv and .json) as the
// route handlers answer them, with a real session cookie and a real
// PostgreSQL: only the member's organization, exactly the filtered set, a
// 400 for a bad filter (never a wider export), a 401 without a session.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { encode } from "next-auth/jwt";
import { config } from "@/lib/config";
import { db } from "@/lib/db/client";
import { SESSION_VERSION_CLAIM } from "@/lib/auth/session-version";
import { createCluster } from "@/lib/clusters/create-cluster";
import { createClient } from "@/lib/api-clients/create-client";
import { makeMember, uniq } from "@/tests/support/factories";
import { EXPORT_LIMITS, exportCounters } from "@/lib/audit/export-gate";
import type { Member } from "@/lib/auth/session";

let sessionToken: string | null = null;
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: (name: string) => (name === "next-auth.session-token" && sessionToken ? { value: sessionToken } : undefined) }),
}));

const { GET: csvRoute } = await import("@/app/(console)/activity/export.csv/route");
const { GET: jsonRoute } = await import("@/app/(console)/activity/export.json/route");

async function signIn(member: Member) {
  const { sessionVersion } = await db().user.findUniqueOrThrow({ where: { id: member.userId }, select: { sessionVersion: true } });
  sessionToken = await encode({ token: { sub: member.userId, [SESSION_VERSION_CLAIM]: sessionVersion }, secret: config().NEXTAUTH_SECRET });
}

/** The member's one-at-a-time lease, and the exports their budget counted (lib/audit/export-gate.ts). */
const leases = async (userId: string) => Math.min(1, (await exportCounters(`user:${userId}`)).running);
const budgets = async (userId: string) => Math.min(1, (await exportCounters(`user:${userId}`)).started);

const get = (route: (req: Request) => Promise<Response>, query = "") => route(new Request(`http://localhost:3999/activity/export.csv${query}`));

beforeEach(() => {
  sessionToken = null;
});

describe("activity downloads", () => {
  it("export the member's filtered activity as CSV and JSON, with the Administration API's columns", async () => {
    const dev = await makeMember("DEVELOPER");
    const owner = await makeMember("OWNER", { id: dev.organizationId, name: dev.organizationName });
    const eu = await createCluster(owner, { name: `eu-${uniq()}`, region: "bru-2" });
    const us = await createCluster(owner, { name: `us-${uniq()}`, region: "bru-2" });
    await createClient(owner, { clusterId: eu.id, name: "=HYPERLINK(\"http://evil\")", scopes: ["ZEEBE"] });
    await createClient(owner, { clusterId: us.id, name: "billing", scopes: ["ZEEBE"] });
    const stranger = await makeMember("OWNER");
    await createCluster(stranger, { name: "theirs", region: "bru-2" });

    // Every role may view the activity (lib/auth/roles.ts): a developer exports too.
    await signIn(dev);
    const csv = await get(csvRoute, `?cluster=${eu.id}`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(csv.headers.get("content-disposition")).toMatch(/^attachment; filename="activity-\d{4}-\d\d-\d\d\.csv"$/);
    const lines = (await csv.text()).split("\r\n");
    expect(lines[0]).toBe(
      "timestamp,audit,auditType,entity,entityId,entityName,parentEntity,parentEntityId,userId,orgId,service," +
        "actorName,actorKind,actorId,parentEntityName,sentence,details,before,after",
    );
    expect(lines.slice(1, -1).map((l) => l.split(",")[1])).toEqual(["client.created", "cluster.created"]);
    // The formula is text, quoted because of its quotes.
    expect(lines[1]).toContain(`,"'=HYPERLINK(""http://evil"")",cluster,${eu.id},${owner.email},${owner.organizationId},console,`);
    // The sentence starts with the actor's name; the target's formula stays text inside it.
    expect(lines[1]).toContain(`,${owner.name},user,${owner.userId},${eu.name},"${owner.name} created the API client =HYPERLINK(""http://evil"") in ${eu.name}",scopes Zeebe,,`);

    const json = await get(jsonRoute, "?action=cluster.*");
    expect(json.headers.get("content-type")).toBe("application/json; charset=utf-8");
    const rows = (await json.json()) as { audit: string; entityName: string; orgId: string; timestamp: string; details: string }[];
    expect(rows.map((r) => `${r.audit} ${r.entityName}`)).toEqual([`cluster.created ${us.name}`, `cluster.created ${eu.name}`]);
    // One timestamp format in both files: ISO 8601 in UTC.
    expect(rows[0]!.timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(rows[0]!.details).toBe("region bru-2");
    expect(new Set(rows.map((r) => r.orgId))).toEqual(new Set([dev.organizationId]));

    // Another organization's cluster named in the filter: nothing, not theirs.
    const theirs = await db().cluster.findFirstOrThrow({ where: { organizationId: stranger.organizationId }, select: { id: true } });
    expect(await (await get(jsonRoute, `?cluster=${theirs.id}`)).json()).toEqual([]);
  });

  it("refuse a bad filter with a 400 naming it, and a missing session with a 401", async () => {
    const owner = await makeMember("OWNER");
    await signIn(owner);
    const bad = await get(csvRoute, "?actor=robert');DROP&to=tomorrow");
    expect(bad.status).toBe(400);
    expect(await bad.text()).toBe("Invalid filter: actor must be user:<user ID> or client:<client ID>. to must be a date, YYYY-MM-DD.\n");
    sessionToken = null;
    expect((await get(jsonRoute)).status).toBe(401);
    sessionToken = "not-a-session";
    expect((await get(csvRoute)).status).toBe(401);
  });

  it("run one export at a time per member: a burst gets one 200 and clear 429s with Retry-After, and the next starts once it is done", async () => {
    const owner = await makeMember("OWNER");
    const eu = await createCluster(owner, { name: `eu-${uniq()}`, region: "bru-2" });
    for (let i = 0; i < 3; i++) await createClient(owner, { clusterId: eu.id, name: `c${i}`, scopes: ["ZEEBE"] });
    await signIn(owner);
    // Six at once, the two formats mixed: exactly one runs.
    const burst = await Promise.all([0, 1, 2, 3, 4, 5].map((i) => get(i % 2 ? jsonRoute : csvRoute)));
    const running = burst.filter((r) => r.status === 200);
    expect(running).toHaveLength(1);
    for (const refused of burst.filter((r) => r.status !== 200)) {
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(await refused.text()).toBe("An export of yours is still running. Wait for it to finish, then try again.\n");
    }
    // Unread, the export does not run ahead of its reader: it still holds its turn (a lease in the shared table).
    await new Promise((r) => setTimeout(r, 300));
    expect((await get(csvRoute)).status).toBe(429);
    expect(await leases(owner.userId)).toBe(1);
    // Read to the end, it gives its turn back; another member was never held up.
    expect((await running[0]!.text()).length).toBeGreaterThan(0);
    const other = await makeMember("VISITOR", { id: owner.organizationId, name: owner.organizationName });
    const again = await get(csvRoute);
    expect(again.status).toBe(200);
    await signIn(other);
    const theirs = await get(jsonRoute);
    expect(theirs.status).toBe(200);
    // Every export of this file is read to its end: each holds a place in the process until then.
    await Promise.all([again.text(), theirs.text()]);
  });

  it("stop when the client goes away: a cancelled download gives its turn back at once", async () => {
    const owner = await makeMember("OWNER");
    const org = owner.organizationId;
    await db().$executeRaw`
      INSERT INTO audit_events (organization_id, actor_id, actor_email, actor_name, action, target_type, target_id, target_name)
      SELECT ${org}::uuid, ${owner.userId}::uuid, ${owner.email}, ${owner.name}, 'client.created', 'api_client', 'c' || g, 'n' || g
        FROM generate_series(1, 3000) g`;
    await signIn(owner);
    const res = await get(jsonRoute);
    expect(res.status).toBe(200);
    const reader = res.body!.getReader();
    await reader.read();
    await reader.cancel();
    const next = await get(jsonRoute);
    expect(next.status).toBe(200);
    await next.body!.cancel();
  });

  it(`keep at most ${EXPORT_LIMITS.open} exports open in a process: one more is a 429 without charging its budget`, async () => {
    const owner = await makeMember("OWNER");
    const org = { id: owner.organizationId, name: owner.organizationName };
    const open: Response[] = [];
    for (let i = 0; i < EXPORT_LIMITS.open; i++) {
      await signIn(await makeMember("VISITOR", org));
      const res = await get(jsonRoute);
      expect(res.status).toBe(200);
      open.push(res);
    }
    await signIn(owner);
    const busy = await get(csvRoute);
    expect(busy.status).toBe(429);
    expect(busy.headers.get("retry-after")).toBe("5");
    expect(await busy.text()).toBe("The console is busy with other exports. Try again in a few seconds.\n");
    expect([await leases(owner.userId), await budgets(owner.userId)]).toEqual([0, 0]);
    // One ends (its reader went away): the owner gets its place.
    await open.pop()!.body!.cancel();
    const ok = await get(csvRoute);
    expect(ok.status).toBe(200);
    expect([await leases(owner.userId), await budgets(owner.userId)]).toEqual([1, 1]);
    await Promise.all([ok.text(), ...open.map((r) => r.text())]);
  });

  it(`allow ${EXPORT_LIMITS.perWindow} exports per member per window, then a 429 with Retry-After until the window ends`, async () => {
    const owner = await makeMember("OWNER");
    await signIn(owner);
    for (let i = 0; i < EXPORT_LIMITS.perWindow; i++) {
      const res = await get(csvRoute);
      expect(res.status).toBe(200);
      await res.text();
    }
    const refused = await get(csvRoute);
    expect(refused.status).toBe(429);
    const after = Number(refused.headers.get("retry-after"));
    expect(after).toBeGreaterThan(EXPORT_LIMITS.windowSeconds - 120);
    expect(after).toBeLessThanOrEqual(EXPORT_LIMITS.windowSeconds);
    expect(await refused.text()).toMatch(/^At most \d+ exports per \d+ minutes/);
    // The refusal gave the turn back: nothing is left running.
    expect(await leases(owner.userId)).toBe(0);
  });
});
