// Camunda 8.8's scopes and a client made before them. A database is migrated
// up to just before 20261208100100_orchestration_scope, clients are written
// there as 8.7 made them (Tasklist only; Zeebe + Operate + Secrets; Optimize
// only), then the rest of the migrations run. Each client, with the secret it
// always had, still gets every token it got before, and now also the one the
// 8.8 clients ask for (the Zeebe audience, Camunda's zeebe.camunda.io);
// Optimize-only stays Optimize-only.
import { cpSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations } from "@/lib/db/migrate";
import { generateClientId, generateClientSecret, hashSecret, secretHint } from "@cluster-console/credentials/secrets";
import { emptyDatabaseUrl, uniq } from "@/tests/support/factories";
import { postForm, startOAuthServer, testIp, testSettings, type TestServer } from "@/tests/support/oauth-factories";
import { decodeJwt } from "jose";

const FIRST_NEW = "20261208100100_orchestration_scope";
let url: string;
let server: TestServer;
let sql: pg.Client;
const made: Record<string, { clientId: string; secret: string }> = {};

beforeAll(async () => {
  url = await emptyDatabaseUrl();
  const all = path.join(process.cwd(), "prisma", "migrations");
  const before = mkdtempSync(path.join(os.tmpdir(), "cc-migrations-"));
  for (const name of readdirSync(all).filter((n) => n < FIRST_NEW)) cpSync(path.join(all, name), path.join(before, name), { recursive: true });
  await applyMigrations(url, before);
  rmSync(before, { recursive: true, force: true });

  sql = new pg.Client({ connectionString: url });
  await sql.connect();
  const org = (await sql.query<{ id: string }>(`INSERT INTO organizations (id, name) VALUES (gen_random_uuid(), 'Old org') RETURNING id`)).rows[0]!.id;
  const cluster = (
    await sql.query<{ id: string }>(
      `INSERT INTO clusters (id, organization_id, name, region, created_by_email) VALUES (gen_random_uuid(), $1, 'old cluster', 'bru-2', 'old@example.com') RETURNING id`,
      [org],
    )
  ).rows[0]!.id;
  for (const [key, scopes] of [
    ["tasklistOnly", "{TASKLIST}"],
    ["zeebeOperateSecrets", "{ZEEBE,OPERATE,SECRETS}"],
    ["optimizeOnly", "{OPTIMIZE}"],
  ] as const) {
    const clientId = generateClientId();
    const secret = generateClientSecret();
    const row = await sql.query<{ id: string }>(
      `INSERT INTO api_clients (id, client_id, organization_id, cluster_id, name, scopes, created_by_email)
       VALUES (gen_random_uuid(), $1, $2, $3, $4, $5::"ClientScope"[], 'old@example.com') RETURNING id`,
      [clientId, org, cluster, `${key}-${uniq()}`, scopes],
    );
    await sql.query(`INSERT INTO client_secrets (id, api_client_id, secret_hash, hint) VALUES (gen_random_uuid(), $1, $2, $3)`, [row.rows[0]!.id, hashSecret(secret), secretHint(secret)]);
    made[key] = { clientId, secret };
  }
  // The rest of the migrations, as an upgrade runs them.
  const result = await applyMigrations(url);
  expect(result.applied[0]).toBe(FIRST_NEW);
  server = await startOAuthServer(testSettings({ databaseUrl: url }));
}, 120_000);

afterAll(async () => {
  await server?.close();
  await sql?.end();
});

async function token(c: { clientId: string; secret: string }, fields: Record<string, string> = {}) {
  const res = await postForm(server.url, { grant_type: "client_credentials", client_id: c.clientId, client_secret: c.secret, ...fields }, { "x-forwarded-for": testIp() });
  const body = (await res.json()) as { access_token?: string; error?: string; scope?: string };
  return { status: res.status, body, claims: body.access_token ? decodeJwt(body.access_token) : undefined };
}

describe("a client made before Camunda 8.8's scopes", () => {
  it("the migration gave Zeebe, Tasklist and Operate together (the Orchestration Cluster API); Optimize alone stays alone", async () => {
    const { rows } = await sql.query<{ client_id: string; scopes: string }>(`SELECT client_id, scopes::text FROM api_clients`);
    const scopes = Object.fromEntries(rows.map((r) => [r.client_id, r.scopes]));
    expect(scopes[made.tasklistOnly!.clientId]).toBe("{ZEEBE,TASKLIST,OPERATE}");
    expect(scopes[made.zeebeOperateSecrets!.clientId]).toBe("{ZEEBE,TASKLIST,OPERATE,SECRETS}");
    expect(scopes[made.optimizeOnly!.clientId]).toBe("{OPTIMIZE}");
  });

  it("keeps working with the same secret: the audience it asked for before, and the 8.8 clients' audience now", async () => {
    const t = made.tasklistOnly!;
    // What it did before the migration.
    expect((await token(t, { audience: "tasklist.test.local" })).claims).toMatchObject({ aud: "tasklist.test.local", sub: t.clientId });
    expect((await token(t, { audience: "tasklist.camunda.io" })).status).toBe(200);
    expect((await token(t, { scope: "Tasklist" })).status).toBe(200);
    // What an 8.8 client asks for (CAMUNDA_TOKEN_AUDIENCE defaults to zeebe.camunda.io).
    expect((await token(t, { audience: "zeebe.camunda.io" })).claims).toMatchObject({ aud: "zeebe.test.local" });
    expect((await token(t)).claims).toMatchObject({ aud: "zeebe.test.local" });
    const z = made.zeebeOperateSecrets!;
    for (const audience of ["zeebe.test.local", "operate.test.local", "secrets.test.local", "secrets.camunda.io"]) {
      expect((await token(z, { audience })).status, audience).toBe(200);
    }
  });

  it("an Optimize-only client still gets nothing else", async () => {
    const o = made.optimizeOnly!;
    expect((await token(o, { audience: "optimize.test.local" })).status).toBe(200);
    expect((await token(o, { audience: "zeebe.camunda.io" })).body.error).toBe("unauthorized_client");
  });
});
