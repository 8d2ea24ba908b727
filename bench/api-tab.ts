// npm run bench:api-tab — the API tab of a cluster with 1,000 API clients,
// against a static page of the same app (the peer), in one run on one build.
// Target: the API tab's mean latency stays under 3x the static page's.
import pg from "pg";
import { hashPassword } from "@/lib/auth/password";
import { startTestDatabase } from "@/tests/support/test-database";
import { ensureProductionBuild, signInCookie, startConsole } from "@/tests/support/console-process";
import { load, printTable, type LoadResult } from "./support/load";

const CLIENTS = 1000;
const PASSWORD = "bench password 123";

async function seed(databaseUrl: string) {
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const org = (await db.query("INSERT INTO organizations (id, name) VALUES (gen_random_uuid(), 'Bench') RETURNING id")).rows[0].id;
    const user = (
      await db.query(
        "INSERT INTO users (id, email, name, password_hash) VALUES (gen_random_uuid(), 'bench@example.com', 'Bench Owner', $1) RETURNING id",
        [await hashPassword(PASSWORD)],
      )
    ).rows[0].id;
    await db.query("INSERT INTO memberships (id, organization_id, user_id, role) VALUES (gen_random_uuid(), $1, $2, 'OWNER')", [org, user]);
    const cluster = (
      await db.query(
        "INSERT INTO clusters (id, organization_id, name, region, created_by_email) VALUES (gen_random_uuid(), $1, 'Bench cluster', 'bru-2', 'bench@example.com') RETURNING id",
        [org],
      )
    ).rows[0].id;
    await db.query(
      `WITH c AS (
         INSERT INTO api_clients (id, client_id, organization_id, cluster_id, name, scopes, created_by_email, created_at)
         SELECT gen_random_uuid(), 'bench' || i || '-' || md5(random()::text), $1, $2, 'client ' || i,
                ARRAY['ZEEBE','TASKLIST']::"ClientScope"[], 'bench@example.com', now() - i * interval '1 minute'
         FROM generate_series(1, $3::int) i RETURNING id)
       INSERT INTO client_secrets (id, api_client_id, secret_hash, hint)
       SELECT gen_random_uuid(), id, sha256(id::text::bytea), 'abcd' FROM c`,
      [org, cluster, CLIENTS],
    );
    return { cluster };
  } finally {
    await db.end();
  }
}

async function main() {
  ensureProductionBuild();
  const database = await startTestDatabase("bench");
  const consoleServer = await startConsole(database.url);
  try {
    const { cluster } = await seed(database.url);
    const cookie = await signInCookie(consoleServer.url, "bench@example.com", PASSWORD);
    const apiTab = `${consoleServer.url}/clusters/${cluster}/api`;
    const staticPage = `${consoleServer.url}/docs/cache-tokens`;
    const check = await fetch(apiTab, { headers: { cookie } });
    const html = await check.text();
    if (check.status !== 200 || !html.includes("client 1")) throw new Error(`API tab did not render (${check.status})`);
    console.log(`API tab: ${html.length} bytes of HTML for a cluster with ${CLIENTS} clients`);

    // Warm up, then alternate peer and subject so drift hits both alike.
    await load("warm-up", apiTab, { seconds: 2, headers: { cookie } });
    await load("warm-up", staticPage, { seconds: 2 });
    const rows: LoadResult[] = [];
    for (let round = 1; round <= 2; round++) {
      rows.push(await load(`static page #${round}`, staticPage));
      rows.push(await load(`API tab #${round}`, apiTab, { headers: { cookie } }));
    }
    // For reference: the floor of any signed-in, server-rendered page here
    // (session, one query, layout), and the cluster page without the list.
    rows.push(await load("activity page (signed-in floor)", `${consoleServer.url}/clusters/${cluster}/activity`, { headers: { cookie } }));
    printTable(rows);
    const mean = (label: string) => {
      const rs = rows.filter((r) => r.label.startsWith(label));
      return rs.reduce((s, r) => s + r.requestsPerSecond, 0) / rs.length;
    };
    const ratio = mean("static page") / mean("API tab");
    const ok = ratio < 3 && rows.every((r) => r.non2xx === 0 && r.errors === 0);
    console.log(`API tab / static page time per request: ${ratio.toFixed(2)}x (target < 3x) ${ok ? "PASS" : "FAIL"}`);
    process.exitCode = ok ? 0 : 1;
  } finally {
    await consoleServer.stop();
    await database.dispose();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
