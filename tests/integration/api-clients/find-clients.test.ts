// Finding clients at the domain level: search by name or client ID, filter by
// scope and status, sort by name, creation and last use, and keyset pages
// that walk the whole list forwards and backwards without a gap or a repeat.
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { CLIENT_COUNT_CAP, listClients, type ApiClientView } from "@/lib/api-clients/list-clients";
import { parseClientListQuery, clientListHref, type ClientListQuery } from "@/lib/api-clients/list-query";
import { makeClusterWithOwner } from "./helpers";

const NOW = new Date("2027-03-01T12:00:00.000Z");
const DAY = 24 * 3600_000;

/**
 * 30 clients named "svc-00" .. "svc-29", created one minute apart, used on
 * every third, plus special cases: revoked, rotating, expiring, expired.
 */
async function seed() {
  const { owner, cluster } = await makeClusterWithOwner();
  await db().$executeRaw`
    INSERT INTO api_clients (id, client_id, organization_id, cluster_id, name, scopes, created_by_email, created_at, last_used_at)
    SELECT gen_random_uuid(), 'F' || substr(md5(random()::text), 1, 27) || lpad(i::text, 4, '0'), ${owner.organizationId}::uuid, ${cluster.id}::uuid,
           'svc-' || lpad(i::text, 2, '0'),
           CASE WHEN i % 2 = 0 THEN '{ZEEBE}'::"ClientScope"[] ELSE '{TASKLIST,OPERATE}'::"ClientScope"[] END,
           'seed@example.com', ${NOW}::timestamptz - make_interval(mins => 100 - i),
           CASE WHEN i % 3 = 0 THEN ${NOW}::timestamptz - make_interval(secs => i) END
      FROM generate_series(0, 29) AS i`;
  await db().$executeRaw`
    INSERT INTO client_secrets (id, api_client_id, secret_hash, hint, created_at)
    SELECT gen_random_uuid(), c.id, sha256(c.id::text::bytea), 'h' || right(c.name, 2), c.created_at
      FROM api_clients c WHERE c.cluster_id = ${cluster.id}::uuid`;
  const byName = async (name: string) => (await db().apiClient.findFirstOrThrow({ where: { clusterId: cluster.id, name } })).id;
  // svc-05: revoked. svc-06: rotating (a second live secret). svc-07: its
  // secret expires in 5 days. svc-08: its only secret expired yesterday.
  await db().apiClient.update({ where: { id: await byName("svc-05") }, data: { revokedAt: NOW, revokedByEmail: "x@example.com" } });
  await db().clientSecret.create({ data: { apiClientId: await byName("svc-06"), secretHash: randomBytes(32), hint: "rot6", createdAt: NOW } });
  await db().clientSecret.updateMany({ where: { apiClientId: await byName("svc-07") }, data: { expiresAt: new Date(NOW.getTime() + 5 * DAY) } });
  await db().clientSecret.updateMany({ where: { apiClientId: await byName("svc-08") }, data: { expiresAt: new Date(NOW.getTime() - DAY) } });
  const list = (query: Partial<ClientListQuery> = {}, pageSize = 100) =>
    listClients(owner.organizationId, cluster.id, { query, pageSize, now: NOW });
  return { owner, cluster, list };
}

const names = (cs: ApiClientView[]) => cs.map((c) => c.name);
const all = Array.from({ length: 30 }, (_, i) => `svc-${String(i).padStart(2, "0")}`);

describe("finding API clients", () => {
  it("hides revoked clients by default and filters by every status", async () => {
    const { list } = await seed();
    const live = await list();
    expect(live.total).toBe(29);
    expect(names(live.clients)).not.toContain("svc-05");
    const status = async (s: ClientListQuery["status"]) => names((await list({ status: s })).clients).sort();
    expect(await status("revoked")).toEqual(["svc-05"]);
    expect(await status("rotating")).toEqual(["svc-06"]);
    expect(await status("expiring")).toEqual(["svc-07", "svc-08"]);
    expect(await status("active")).toEqual(all.filter((n) => !["svc-05", "svc-06", "svc-07", "svc-08"].includes(n)));
    expect((await list({ status: "all" })).total).toBe(30);
    const view = (await list({ status: "expiring" })).clients;
    expect(view.find((c) => c.name === "svc-07")).toMatchObject({ status: "expiring", secretExpiresAt: new Date(NOW.getTime() + 5 * DAY) });
    expect(view.find((c) => c.name === "svc-08")).toMatchObject({ status: "expired", secretHint: null });
    expect((await list({ status: "rotating" })).clients[0]).toMatchObject({ status: "rotating", secretHint: "rot6" });
  });

  it("searches names (any case, any part) and client IDs; LIKE wildcards are literal", async () => {
    const { list, cluster } = await seed();
    expect(names((await list({ q: "SVC-1" })).clients).sort()).toEqual(all.slice(10, 20));
    expect(names((await list({ q: "c-2" })).clients).sort()).toEqual(all.slice(20, 30));
    const target = await db().apiClient.findFirstOrThrow({ where: { clusterId: cluster.id, name: "svc-17" } });
    expect(names((await list({ q: target.clientId.slice(8, 20) })).clients)).toEqual(["svc-17"]);
    expect(names((await list({ q: target.clientId })).clients)).toEqual(["svc-17"]);
    expect((await list({ q: "%" })).total).toBe(0);
    expect((await list({ q: "svc_0" })).total).toBe(0);
    expect((await list({ q: "nothing like this" })).total).toBe(0);
    // Search and filters combine; revoked ones only when asked for.
    expect(names((await list({ q: "svc-0", scope: "ZEEBE" })).clients).sort()).toEqual(["svc-00", "svc-02", "svc-04", "svc-06", "svc-08"]);
    expect(names((await list({ q: "svc-05" })).clients)).toEqual([]);
    expect(names((await list({ q: "svc-05", status: "revoked" })).clients)).toEqual(["svc-05"]);
  });

  it("filters by scope", async () => {
    const { list } = await seed();
    const operate = await list({ scope: "OPERATE" });
    expect(operate.total).toBe(15 - 1); // the odd ones, less revoked svc-05
    expect(operate.clients.every((c) => c.scopes.includes("OPERATE"))).toBe(true);
    expect((await list({ scope: "SECRETS" })).total).toBe(0);
  });

  it("sorts by name, creation and last use, both ways", async () => {
    const { list } = await seed();
    const live = all.filter((n) => n !== "svc-05");
    expect(names((await list({ sort: "created", dir: "desc" })).clients)).toEqual([...live].reverse());
    expect(names((await list({ sort: "created", dir: "asc" })).clients)).toEqual(live);
    expect(names((await list({ sort: "name", dir: "asc" })).clients)).toEqual(live);
    expect(names((await list({ sort: "name", dir: "desc" })).clients)).toEqual([...live].reverse());
    // Most recently used first (svc-00 was used last), never-used ones after.
    const used = live.filter((n) => Number(n.slice(4)) % 3 === 0);
    const byUse = names((await list({ sort: "last_used", dir: "desc" })).clients);
    expect(byUse.slice(0, used.length)).toEqual(used);
    expect(names((await list({ sort: "last_used", dir: "asc" })).clients).slice(-used.length)).toEqual([...used].reverse());
  });

  for (const [sort, dir] of [["created", "desc"], ["name", "asc"], ["last_used", "desc"], ["name", "desc"]] as const) {
    it(`pages by keyset (${sort} ${dir}): forwards, backwards and the last page agree with the full list`, async () => {
      const { list } = await seed();
      const full = names((await list({ sort, dir, status: "all" })).clients);
      expect(full).toHaveLength(30);
      const q: Partial<ClientListQuery> = { sort, dir, status: "all" };
      const forward: string[][] = [];
      let page = await list(q, 7);
      expect(page.isFirst).toBe(true);
      forward.push(names(page.clients));
      const forwardOffsets = [page.offset];
      while (page.nextCursor) {
        page = await list({ ...q, after: page.nextCursor }, 7);
        forward.push(names(page.clients));
        forwardOffsets.push(page.offset);
      }
      expect(forwardOffsets).toEqual([0, 7, 14, 21, 28]);
      expect(page.isLast).toBe(true);
      expect(forward.flat()).toEqual(full);
      expect(forward.map((p) => p.length)).toEqual([7, 7, 7, 7, 2]);

      // The last page holds what is left after whole pages (the final 2), so
      // walking back meets the same pages and offsets as walking forwards.
      let back = await list({ ...q, last: true }, 7);
      expect(back).toMatchObject({ isLast: true, isFirst: false, nextCursor: null, offset: 28 });
      expect(names(back.clients)).toEqual(full.slice(-2));
      const backward: string[][] = [names(back.clients)];
      const offsets = [back.offset];
      while (back.prevCursor) {
        back = await list({ ...q, before: back.prevCursor }, 7);
        backward.unshift(names(back.clients));
        offsets.unshift(back.offset);
      }
      expect(back.isFirst).toBe(true);
      expect(backward).toEqual(forward);
      expect(offsets).toEqual([0, 7, 14, 21, 28]);
    });
  }

  it("counts matches up to the cap, then says 'more than'", async () => {
    const { owner, cluster } = await makeClusterWithOwner();
    await db().$executeRaw`
      INSERT INTO api_clients (id, client_id, organization_id, cluster_id, name, scopes, created_by_email)
      SELECT gen_random_uuid(), 'K' || md5(i::text || random()::text), ${owner.organizationId}::uuid, ${cluster.id}::uuid, 'bulk ' || i, '{ZEEBE}', 'seed@example.com'
        FROM generate_series(1, ${CLIENT_COUNT_CAP + 5}) AS i`;
    const page = await listClients(owner.organizationId, cluster.id, { now: NOW });
    expect(page).toMatchObject({ total: CLIENT_COUNT_CAP, totalCapped: true });
    expect(page.clients).toHaveLength(20);
    const few = await listClients(owner.organizationId, cluster.id, { query: { q: "bulk 1000" }, now: NOW });
    expect(few).toMatchObject({ total: 7, totalCapped: false }); // 1000, 10000-10005
  });

  it("another organization lists nothing of this cluster", async () => {
    const { cluster } = await seed();
    const { owner: stranger } = await makeClusterWithOwner();
    expect((await listClients(stranger.organizationId, cluster.id, { query: { status: "all" } })).total).toBe(0);
  });

  it("round-trips the view through the URL, and ignores anything malformed", () => {
    const q = parseClientListQuery({ q: "  orders ", scope: "tasklist", status: "revoked", sort: "name_desc", after: "abc_-9" });
    expect(q).toEqual({ q: "orders", scope: "TASKLIST", status: "revoked", sort: "name", dir: "desc", after: "abc_-9", before: null, last: false });
    const href = clientListHref("/clusters/x/api", q);
    expect(href).toBe("/clusters/x/api?q=orders&scope=TASKLIST&status=revoked&sort=name_desc&after=abc_-9");
    expect(parseClientListQuery(new URL(`http://h${href}`).searchParams)).toEqual(q);
    expect(clientListHref("/clusters/x/api", parseClientListQuery({}))).toBe("/clusters/x/api");
    expect(parseClientListQuery({ scope: "NOPE", status: "x", sort: "name_sideways", after: "<script>", page: "9" })).toEqual(
      parseClientListQuery({}),
    );
    expect(parseClientListQuery({ sort: "last_used" })).toMatchObject({ sort: "last_used", dir: "desc" });
    expect(parseClientListQuery({ q: ["a", "b"] }).q).toBe("a");
    expect(parseClientListQuery({ q: "x".repeat(500) }).q).toHaveLength(100);
  });
});
