// npm run bench:api-tab — the API tab of a cluster with 1,000 API clients,
// against a static page of the same app (the peer), in one run on one build.
// Target: the API tab's mean latency stays under 3x the static page's.
// In the same run, a cluster with 100,000 clients: its first page, its last
// page (keyset, page=last) and a search by name. Target: each within 1.5x of
// the 1,000-client page's time per request.
import pg from "pg";
import { hashPassword } from "@/lib/auth/password";
import { startTestDatabase } from "@/tests/support/test-database";
import { ensureProductionBuild, signInCookie, startConsole } from "@/tests/support/console-process";
import { load, printTable, type LoadResult } from "./support/load";

const CLIENTS = 1000;
const LARGE_CLIENTS = 100_000;
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
    const large = (
      await db.query(
        "INSERT INTO clusters (id, organization_id, name, region, created_by_email) VALUES (gen_random_uuid(), $1, 'Large cluster', 'bru-2', 'bench@example.com') RETURNING id",
        [org],
      )
    ).rows[0].id;
    for (const [target, count] of [[cluster, CLIENTS], [large, LARGE_CLIENTS]] as const) {
      await db.query(
      `WITH c AS (
         INSERT INTO api_clients (id, client_id, organization_id, cluster_id, name, scopes, created_by_email, created_at)
         SELECT gen_random_uuid(), 'bench' || i || '-' || md5(random()::text), $1, $2, 'client ' || i,
                ARRAY['ZEEBE','TASKLIST']::"ClientScope"[], 'bench@example.com', now() - i * interval '1 minute'
         FROM generate_series(1, $3::int) i RETURNING id)
       INSERT INTO client_secrets (id, api_client_id, secret_hash, hint)
       SELECT gen_random_uuid(), id, sha256(id::text::bytea), 'abcd' FROM c`,
        [org, target, count],
      );
    }
    // What autovacuum would have done by the time a cluster has grown this big.
    await db.query("VACUUM ANALYZE api_clients");
    await db.query("VACUUM ANALYZE client_secrets");
    return { cluster, large };
  } finally {
    await db.end();
  }
}

async function main() {
  ensureProductionBuild();
  const database = await startTestDatabase("bench");
  const consoleServer = await startConsole(database.url);
  try {
    const { cluster, large } = await seed(database.url);
    const cookie = await signInCookie(consoleServer.url, "bench@example.com", PASSWORD);
    const apiTab = `${consoleServer.url}/clusters/${cluster}/api`;
    const staticPage = `${consoleServer.url}/docs/cache-tokens`;
    const check = await fetch(apiTab, { headers: { cookie } });
    const html = await check.text();
    if (check.status !== 200 || !html.includes("client 1")) throw new Error(`API tab did not render (${check.status})`);
    console.log(`API tab: ${html.length} bytes of HTML for a cluster with ${CLIENTS} clients`);

    const largeTab = `${consoleServer.url}/clusters/${large}/api`;
    const largeLast = `${largeTab}?page=last`;
    const largeSearch = `${largeTab}?q=${encodeURIComponent("client 4242")}`;
    for (const [url, expect] of [[largeLast, "client 100000"], [largeSearch, "client 42429"]] as const) {
      const r = await fetch(url, { headers: { cookie } });
      const body = await r.text();
      if (r.status !== 200 || !body.includes(expect)) throw new Error(`${url} did not render (${r.status})`);
    }

    // Warm up, then alternate peer and subjects so drift hits all alike.
    await load("warm-up", apiTab, { seconds: 2, headers: { cookie } });
    await load("warm-up", staticPage, { seconds: 2 });
    for (const url of [largeTab, largeLast, largeSearch]) await load("warm-up", url, { seconds: 2, headers: { cookie } });
    const rows: LoadResult[] = [];
    for (let round = 1; round <= 2; round++) {
      rows.push(await load(`static page #${round}`, staticPage));
      rows.push(await load(`API tab #${round}`, apiTab, { headers: { cookie } }));
      rows.push(await load(`100k: first page #${round}`, largeTab, { headers: { cookie } }));
      rows.push(await load(`100k: last page #${round}`, largeLast, { headers: { cookie } }));
      rows.push(await load(`100k: search #${round}`, largeSearch, { headers: { cookie } }));
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
    const clean = rows.every((r) => r.non2xx === 0 && r.errors === 0);
    const ok = ratio < 3 && clean;
    console.log(`API tab / static page time per request: ${ratio.toFixed(2)}x (target < 3x) ${ok ? "PASS" : "FAIL"}`);
    // Time per request of each 100,000-client view against the 1,000-client page.
    let largeOk = clean;
    for (const view of ["first page", "last page", "search"]) {
      const r = mean("API tab") / mean(`100k: ${view}`);
      const pass = r <= 1.5;
      largeOk &&= pass;
      console.log(`100,000 clients, ${view} / 1,000-client page time per request: ${r.toFixed(2)}x (target <= 1.5x) ${pass ? "PASS" : "FAIL"}`);
    }
    process.exitCode = ok && largeOk ? 0 : 1;
  } finally {
    await consoleServer.stop();
    await database.dispose();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
