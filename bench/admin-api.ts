// npm run bench:admin-api — the Administration API against the signed-in API
// tab, in one run on one production build: GET /clusters/{id}/clients for a
// cluster with 1,000 clients (the JSON list), and POST create. Target: the
// JSON list serves at least 5x the API tab's requests per second (the tab
// renders one page of 20; the API returns all 1,000).
import { randomBytes } from "node:crypto";
import { generateClientSecret, hashSecret } from "@cluster-console/credentials/secrets";
import { startTestDatabase } from "@/tests/support/test-database";
import { ensureProductionBuild, signInCookie, startConsole } from "@/tests/support/console-process";
import { load, printTable, type LoadResult } from "./support/load";
import { BENCH_EMAIL, BENCH_PASSWORD, seedClients, seedCluster, seedOrganization, withDatabase } from "./support/seed";
import { runMain } from "./support/run-main";

const CLIENTS = 1000;
const ADMIN_ID = "BenchAdminBenchAdminBenchAdmin01";
const ADMIN_SECRET = generateClientSecret();

async function seed(databaseUrl: string) {
  return withDatabase(databaseUrl, async (db) => {
    const org = await seedOrganization(db);
    const cluster = await seedCluster(db, org, "Bench cluster");
    await seedClients(db, org, cluster, CLIENTS);
    // Administration API credentials with every permission.
    const admin = (
      await db.query(
        `INSERT INTO api_clients (id, client_id, organization_id, cluster_id, name, scopes, admin_permissions, created_by_email)
         VALUES (gen_random_uuid(), $1, $2, NULL, 'bench automation', '{}', enum_range(NULL::"AdminPermission"), $3) RETURNING id`,
        [ADMIN_ID, org, BENCH_EMAIL],
      )
    ).rows[0].id;
    await db.query("INSERT INTO client_secrets (id, api_client_id, secret_hash, hint) VALUES (gen_random_uuid(), $1, $2, 'cdef')", [
      admin,
      hashSecret(ADMIN_SECRET),
    ]);
    return { cluster };
  });
}

async function main() {
  ensureProductionBuild();
  const database = await startTestDatabase("bench");
  // The admin client's own rate limit raised, as the token benchmark does for its client.
  const consoleServer = await startConsole(database.url, { RATE_LIMIT_CLIENT_POINTS: "1000000000" });
  try {
    const { cluster } = await seed(database.url);
    const cookie = await signInCookie(consoleServer.url, BENCH_EMAIL, BENCH_PASSWORD);
    const tokenRes = await fetch(`${consoleServer.url}/oauth/token`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ grant_type: "client_credentials", client_id: ADMIN_ID, client_secret: ADMIN_SECRET, audience: "api.cloud.camunda.io" }),
    });
    const { access_token: token, error } = (await tokenRes.json()) as { access_token: string; error?: string };
    if (!token) throw new Error(`no token: ${tokenRes.status} ${error}`);
    const bearer = { authorization: `Bearer ${token}` };
    const apiTab = `${consoleServer.url}/clusters/${cluster}/api`;
    const list = `${consoleServer.url}/api/admin/v1/clusters/${cluster}/clients`;

    const check = await fetch(list, { headers: bearer });
    const listed = (await check.json()) as unknown[];
    if (check.status !== 200 || listed.length !== CLIENTS) throw new Error(`client list: ${check.status}, ${listed.length} clients`);
    const tab = await fetch(apiTab, { headers: { cookie } });
    if (tab.status !== 200 || !(await tab.text()).includes("client 1")) throw new Error(`API tab did not render (${tab.status})`);

    await load("warm-up", apiTab, { seconds: 2, headers: { cookie } });
    await load("warm-up", list, { seconds: 2, headers: bearer });
    const rows: LoadResult[] = [];
    for (let round = 1; round <= 2; round++) {
      rows.push(await load(`API tab (signed in) #${round}`, apiTab, { headers: { cookie } }));
      rows.push(await load(`GET clients JSON, 1,000 #${round}`, list, { headers: bearer }));
    }
    // A new client name per request (names are unique per cluster).
    const prefix = randomBytes(3).toString("hex");
    let n = 0;
    rows.push(
      await load("POST create client", list, {
        method: "POST",
        headers: { ...bearer, "content-type": "application/json" },
        nextBody: () => JSON.stringify({ clientName: `load-${prefix}-${n++}` }),
      }),
    );
    printTable(rows);
    const mean = (label: string) => {
      const rs = rows.filter((r) => r.label.startsWith(label));
      return rs.reduce((s, r) => s + r.requestsPerSecond, 0) / rs.length;
    };
    const ratio = mean("GET clients JSON") / mean("API tab");
    const ok = ratio >= 5 && rows.every((r) => r.non2xx === 0 && r.errors === 0);
    console.log(`JSON list / API tab requests per second: ${ratio.toFixed(2)}x (target >= 5x) ${ok ? "PASS" : "FAIL"}`);
    process.exitCode = ok ? 0 : 1;
  } finally {
    await consoleServer.stop();
    await database.dispose();
  }
}

runMain(main);
