// Usage counting: counted in memory, written in one statement per flush,
// summed over instances, kept when a flush fails; read back per client and per
// cluster (top 5 + the rest) with tenancy.
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { UsageCounter } from "@/lib/ops/usage-counter";
import { clientUsage } from "@/lib/usage/client-usage";
import { clusterUsage } from "@/lib/usage/cluster-usage";
import { HOURS } from "@/lib/usage/usage-window";
import { makeApiClient, postForm, testIp, testSettings } from "@/tests/support/oauth-factories";
import { startOpsServer, type OpsServer } from "./ops-server";

const servers: OpsServer[] = [];
afterAll(async () => {
  for (const s of servers) await s.close();
});

const rowsOf = (apiClientId: string) => db().apiClientUsage.findMany({ where: { apiClientId } });

describe("usage counting", () => {
  it("counts issued, failed and rate-limited requests of a client and writes them in one batch", async () => {
    const settings = testSettings();
    const s = await startOpsServer({ settings: { ...settings, limits: { ...settings.limits, client: { points: 30, durationSeconds: 60, blockSeconds: 60 } } } });
    servers.push(s);
    const usage = new UsageCounter(s.runtime.pool, { intervalMs: 60_000 });
    s.addObserver(usage.observer);
    const c = await makeApiClient();
    const from = { "x-forwarded-for": testIp() };
    const form = (secret = c.secret) => ({ grant_type: "client_credentials", client_id: c.clientId, client_secret: secret });
    const statuses = await Promise.all(Array.from({ length: 30 }, () => postForm(s.url, form(), from).then((r) => r.status)));
    expect(statuses.every((st) => st === 200)).toBe(true);
    for (let i = 0; i < 3; i++) expect((await postForm(s.url, form("ccs_wrong"), from)).status).toBe(401);
    expect((await postForm(s.url, form(), from)).status).toBe(429);
    // Nothing is written per request: only the flush writes.
    expect(await rowsOf(c.id)).toEqual([]);
    await usage.flush();
    const rows = await rowsOf(c.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ tokensIssued: 30, failedAuth: 3, rateLimited: 1 });

    const u = (await clientUsage(c.organizationId, c.clusterId, [c.clientId]))[c.clientId]!;
    expect(u.tokensPerHour).toHaveLength(HOURS);
    expect(u.tokensPerHour.at(-1)).toBe(30);
    expect(u).toMatchObject({ tokens: 30, failedAuth: 3, rateLimited: 1 });
    // Another organization's view of the same client ID shows nothing.
    const other = await makeApiClient();
    expect((await clientUsage(other.organizationId, other.clusterId, [c.clientId]))[c.clientId]!.tokens).toBe(0);
  });

  it("sums what several instances counted, and drops client IDs that name no client", async () => {
    const c = await makeApiClient();
    const { default: pg } = await import("pg");
    const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 2 });
    try {
      const one = new UsageCounter(pool, { intervalMs: 60_000 });
      const two = new UsageCounter(pool, { intervalMs: 60_000 });
      for (let i = 0; i < 7; i++) one.add(c.clientId, "issued");
      for (let i = 0; i < 5; i++) two.add(c.clientId, "issued");
      two.add("no-such-client-id", "issued");
      two.add(c.clientId, "failed");
      // Both at once: the upserts must add, not overwrite.
      await Promise.all([one.flush(), two.flush()]);
      const u = (await clientUsage(c.organizationId, c.clusterId, [c.clientId]))[c.clientId]!;
      expect(u.tokensPerHour.at(-1)).toBe(12);
      expect(u.failedAuth).toBe(1);
      expect(await db().apiClientUsage.count({ where: { apiClientId: c.id } })).toBe(1);
    } finally {
      await pool.end();
    }
  });

  it("keeps the counts when a flush fails and writes them with the next one", async () => {
    const c = await makeApiClient();
    const { default: pg } = await import("pg");
    const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 1 });
    let fail = true;
    const flaky = { query: (...args: Parameters<typeof pool.query>) => (fail ? Promise.reject(new Error("connection refused")) : pool.query(...args)) } as unknown as InstanceType<typeof pg.Pool>;
    try {
      const counter = new UsageCounter(flaky, { intervalMs: 60_000 });
      for (let i = 0; i < 4; i++) counter.add(c.clientId, "issued");
      await counter.flush();
      expect(await rowsOf(c.id)).toEqual([]);
      counter.add(c.clientId, "issued");
      fail = false;
      await counter.flush();
      expect((await rowsOf(c.id))[0]!.tokensIssued).toBe(5);
      await counter.flush(); // nothing pending: nothing added twice
      expect((await rowsOf(c.id))[0]!.tokensIssued).toBe(5);
    } finally {
      await pool.end();
    }
  });

  it("splits a cluster's tokens per hour into the top 5 clients and the rest", async () => {
    const first = await makeApiClient();
    const clients = [first, ...(await Promise.all(Array.from({ length: 6 }, () => makeApiClient(["ZEEBE"], first))))];
    const { default: pg } = await import("pg");
    const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 1 });
    try {
      const counter = new UsageCounter(pool, { intervalMs: 60_000 });
      const hourAgo = Date.now() - 3_600_000;
      clients.forEach((c, i) => {
        counter.add(c.clientId, "issued", 10 * (i + 1)); // 10, 20, ... 70
        counter.add(c.clientId, "issued", 1, hourAgo);
      });
      await counter.flush();
    } finally {
      await pool.end();
    }
    const u = await clusterUsage(first.organizationId, first.clusterId);
    expect(u.total).toBe(280 + 7);
    expect(u.series.map((s) => s.clientId)).toEqual([...clients.slice(2).reverse().map((c) => c.clientId), null]);
    expect(u.series.map((s) => s.total)).toEqual([71, 61, 51, 41, 31, 30 + 2]);
    const rest = u.series.at(-1)!;
    expect(rest.name).toBe("All other clients");
    expect(rest.perHour.at(-1)).toBe(30);
    expect(rest.perHour.at(-2)).toBe(2);
    // Another organization sees nothing of it.
    const stranger = await makeApiClient();
    expect((await clusterUsage(stranger.organizationId, first.clusterId)).series).toEqual([]);
  });
});
