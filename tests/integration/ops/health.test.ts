// /healthz and /readyz of an instance (the outage itself is in
// tests/integration/faults/postgres-outage.test.ts, against a real console).
import { readFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { migrationNames } from "@/lib/db/migrate";
import { startOpsServer, type OpsServer } from "./ops-server";

const servers: OpsServer[] = [];
afterAll(async () => {
  for (const s of servers) await s.close();
});

describe("/healthz and /readyz", () => {
  it("answer 200 with every check ok when everything is in place", async () => {
    const s = await startOpsServer();
    servers.push(s);
    const health = await fetch(`${s.url}/healthz`);
    expect(health.status).toBe(200);
    const version = JSON.parse(readFileSync("package.json", "utf8")).version;
    expect(await health.json()).toEqual({ status: "ok", version });
    const ready = await fetch(`${s.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(ready.headers.get("cache-control")).toBe("no-store");
    const body = await ready.json();
    expect(body).toEqual({
      status: "ready",
      checks: { database: "ok", migrations: "ok", signing_key: "ok", ...(process.env.REDIS_URL ? {} : {}) },
    });
  });

  it("is not ready while a migration this build ships is not applied, and names it", async () => {
    const s = await startOpsServer({ migrations: [...(await migrationNames()), "29990101000000_from_a_newer_build"] });
    servers.push(s);
    const ready = await fetch(`${s.url}/readyz`);
    expect(ready.status).toBe(503);
    const body = await ready.json();
    expect(body.status).toBe("not_ready");
    expect(body.not_ready).toEqual(["migrations"]);
    expect(body.checks.migrations).toBe("1 pending (29990101000000_from_a_newer_build)");
    expect(body.checks.database).toBe("ok");
    expect((await fetch(`${s.url}/healthz`)).status).toBe(200);
  });

  it("checks Redis when it is configured, and says so when it does not answer", async () => {
    const { testSettings } = await import("@/tests/support/oauth-factories");
    // A port nothing listens on: PING cannot be answered.
    const s = await startOpsServer({ settings: testSettings({ redisUrl: "redis://127.0.0.1:1" }) });
    servers.push(s);
    const ready = await fetch(`${s.url}/readyz`);
    expect(ready.status).toBe(503);
    const body = await ready.json();
    expect(body.not_ready).toEqual(["redis"]);
    expect(body.checks.redis).toMatch(/unreachable|no answer/);
    expect(JSON.stringify(body)).not.toContain("127.0.0.1:1");
  });

  it("refuses other methods and is not confused by a query string", async () => {
    const s = await startOpsServer();
    servers.push(s);
    expect((await fetch(`${s.url}/healthz`, { method: "POST" })).status).toBe(405);
    expect((await fetch(`${s.url}/readyz?verbose=1`)).status).toBe(200);
  });
});
