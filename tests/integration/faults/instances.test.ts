// Console instances as separate processes (production build, scripts/serve.ts
// start): one killed with SIGKILL in the middle of server-action requests
// loses no committed change and leaves nothing half-written; two started at
// once on one fresh database both come up, with every migration applied once.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshProductionBuild, root, signInCookie, startConsole, type RunningConsole } from "@/tests/support/console-process";
import { makeClusterWithOwner } from "@/tests/integration/api-clients/helpers";
import { emptyDatabaseUrl } from "@/tests/support/factories";
import { TEST_KEK } from "@/tests/support/oauth-factories";
import { assertNoPartialClients } from "./fault-helpers";

const DIST_DIR = ".next-faults";
const PASSWORD = "correct horse battery"; // tests/support/factories.ts
const ENV = {
  NEXT_DIST_DIR: DIST_DIR,
  RATE_LIMIT_IP_POINTS: "1000000",
  RATE_LIMIT_CLIENT_POINTS: "1000000",
  // The limiter's counters live in the test database, shared with the tests
  // that fail authentications on purpose from this same loopback address.
  RATE_LIMIT_FAILED_POINTS: "1000000",
  // Instances on one database must share the key that encrypts the signing
  // keys, and the test database is shared with every other OAuth test.
  KEY_ENCRYPTION_KEY: TEST_KEK.toString("base64"),
};
const running: RunningConsole[] = [];

beforeAll(() => freshProductionBuild(DIST_DIR), 600_000);
afterAll(async () => {
  await Promise.all(running.map((r) => r.stop()));
});

async function start(url: string, env: Record<string, string> = {}) {
  const c = await startConsole(url, { ...ENV, ...env });
  running.push(c);
  return c;
}

/** The build's ID for a server action, as the browser finds it in the page. */
function actionId(name: string): string {
  const manifest = (
    JSON.parse(
      readFileSync(path.join(root, DIST_DIR, "server/server-reference-manifest.json"), "utf8"),
    ) as { node: Record<string, { exportedName?: string }> }
  ).node;
  const id = Object.entries(manifest).find(([, v]) => v.exportedName === name)?.[0];
  if (!id) throw new Error(`no server action ${name} in the build`);
  return id;
}

describe("console instances", () => {
  it("SIGKILL in the middle of client creations: every acknowledged client is whole, nothing half-written", async () => {
    const { owner, cluster } = await makeClusterWithOwner();
    const app = await start(process.env.DATABASE_URL!);
    const cookie = await signInCookie(app.url, owner.email, PASSWORD);
    const id = actionId("createApiClient");
    const acknowledged: { clientId: string; clientSecret: string }[] = [];
    let sent = 0;
    let running = true;
    let killed = false;
    const worker = async (w: number) => {
      for (let i = 0; running; i++) {
        sent++;
        try {
          const res = await fetch(`${app.url}/clusters/${cluster.id}/api`, {
            method: "POST",
            headers: { "next-action": id, accept: "text/x-component", "content-type": "text/plain;charset=UTF-8", cookie },
            body: JSON.stringify(["$undefined", { clusterId: cluster.id, name: `kill-${w}-${i}`, scopes: "ZEEBE" }]),
          });
          const text = await res.text();
          const m = /"clientId":"([A-Za-z0-9]+)","clientSecret":"(ccs_[^"]+)"/.exec(text);
          if (res.status !== 200 || !m) throw new Error(`action answered ${res.status}: ${text.slice(0, 300)}`);
          acknowledged.push({ clientId: m[1]!, clientSecret: m[2]! });
        } catch (err) {
          if (!killed) throw err;
          return; // the instance is gone
        }
      }
    };
    const workers = Array.from({ length: 6 }, (_, w) => worker(w));
    while (acknowledged.length < 40) await new Promise((r) => setTimeout(r, 10));
    killed = true;
    app.process.kill("SIGKILL");
    running = false;
    await Promise.all(workers);
    if (app.process.exitCode === null && app.process.signalCode === null) await new Promise((r) => app.process.once("exit", r));

    const stored = await assertNoPartialClients(cluster.id, acknowledged.map((a) => a.clientId));
    console.log(`[faults] SIGKILL: ${sent} creations sent, ${acknowledged.length} acknowledged, ${stored} stored, all whole`);
    expect(stored).toBeGreaterThanOrEqual(acknowledged.length);
    expect(stored).toBeLessThanOrEqual(sent);

    // A new instance takes over and the last acknowledged secret works.
    const next = await start(process.env.DATABASE_URL!);
    const last = acknowledged.at(-1)!;
    const token = await fetch(`${next.url}/oauth/token`, {
      method: "POST",
      body: new URLSearchParams({ grant_type: "client_credentials", client_id: last.clientId, client_secret: last.clientSecret }),
    });
    expect(token.status).toBe(200);
  }, 90_000);

  it("two instances starting at once on one fresh database both come up; migrations are applied once", async () => {
    const url = await emptyDatabaseUrl();
    // LOG_LEVEL=info: the start-up lines say which instance applied the migrations.
    const admin = { ADMIN_EMAIL: "first@example.com", ADMIN_PASSWORD: PASSWORD, LOG_LEVEL: "info" };
    const [a, b] = await Promise.all([start(url, admin), start(url, admin)]);

    const db = new pg.Client({ connectionString: url });
    await db.connect();
    try {
      const known = readdirSync(path.join(root, "prisma/migrations")).filter((n) => /^\d/.test(n)).sort();
      const { rows } = await db.query<{ migration_name: string }>(`SELECT migration_name FROM "_prisma_migrations" ORDER BY migration_name`);
      expect(rows.map((r) => r.migration_name)).toEqual(known);
      expect((await db.query("SELECT 1 FROM users")).rowCount).toBe(1);
      expect((await db.query("SELECT 1 FROM oauth_signing_keys WHERE retired_at IS NULL")).rowCount).toBe(1);
    } finally {
      await db.end();
    }
    const logs = [a, b].map((c) => c.output.join(""));
    expect(logs.filter((l) => /applied now \(/.test(l))).toHaveLength(1);
    // Both serve pages and the same signing key.
    for (const c of [a, b]) {
      const cookie = await signInCookie(c.url, admin.ADMIN_EMAIL, PASSWORD);
      expect((await fetch(`${c.url}/clusters`, { headers: { cookie } })).status).toBe(200);
    }
    const [ja, jb] = await Promise.all([a, b].map(async (c) => (await fetch(`${c.url}/.well-known/jwks.json`)).json()));
    expect(ja).toEqual(jb);
  }, 90_000);
});
