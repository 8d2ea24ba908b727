// npm run bench:api-tab — the API tab of a cluster with 1,000 API clients,
// against a static page of the same app (the peer), in one run on one build.
// Target: the API tab's mean latency stays under 3x the static page's.
// In the same run, a cluster with 100,000 clients: its first page, its last
// page (keyset, page=last) and a search by name. Target: each within 1.5x of
// the 1,000-client page's time per request.
import { startTestDatabase } from "@/tests/support/test-database";
import { ensureProductionBuild, signInCookie, startConsole } from "@/tests/support/console-process";
import { load, printTable, type LoadResult } from "./support/load";
import { BENCH_EMAIL, BENCH_PASSWORD, seedClients, seedCluster, seedOrganization, withDatabase } from "./support/seed";
import { runMain } from "./support/run-main";

const CLIENTS = 1000;
const LARGE_CLIENTS = 100_000;

async function seed(databaseUrl: string) {
  return withDatabase(databaseUrl, async (db) => {
    const org = await seedOrganization(db);
    const cluster = await seedCluster(db, org, "Bench cluster");
    const large = await seedCluster(db, org, "Large cluster");
    await seedClients(db, org, cluster, CLIENTS);
    await seedClients(db, org, large, LARGE_CLIENTS);
    // What autovacuum would have done by the time a cluster has grown this big.
    await db.query("VACUUM ANALYZE api_clients");
    await db.query("VACUUM ANALYZE client_secrets");
    return { cluster, large };
  });
}

async function main() {
  ensureProductionBuild();
  const database = await startTestDatabase("bench");
  const consoleServer = await startConsole(database.url);
  try {
    const { cluster, large } = await seed(database.url);
    const cookie = await signInCookie(consoleServer.url, BENCH_EMAIL, BENCH_PASSWORD);
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

runMain(main);
