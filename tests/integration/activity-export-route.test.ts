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
    expect(lines[0]).toBe("timestamp,audit,auditType,entity,entityId,entityName,parentEntity,parentEntityId,userId,orgId,service");
    expect(lines.slice(1, -1).map((l) => l.split(",")[1])).toEqual(["client.created", "cluster.created"]);
    // The formula is text, quoted because of its quotes.
    expect(lines[1]).toContain(`,"'=HYPERLINK(""http://evil"")",cluster,${eu.id},${owner.email},${owner.organizationId},console`);

    const json = await get(jsonRoute, "?action=cluster.*");
    expect(json.headers.get("content-type")).toBe("application/json; charset=utf-8");
    const rows = (await json.json()) as { audit: string; entityName: string; orgId: string }[];
    expect(rows.map((r) => `${r.audit} ${r.entityName}`)).toEqual([`cluster.created ${us.name}`, `cluster.created ${eu.name}`]);
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
});
