// `npm run bench:token`: token endpoint throughput against a production build,
// with panva's oidc-provider and a bare node:http + jose signer measured in
// the same run on the same machine.
//
// Setup: a fresh database (embedded PostgreSQL, or a new database on the
// server of DATABASE_URL), one API client with its rate limits raised for the
// run, RS256. Every console request still authenticates against the stored
// SHA-256 hash, is charged to the rate limiter (PostgreSQL) and would see a
// revocation on the next request. Load: autocannon, 16 connections,
// BENCH_ROUNDS (3) interleaved rounds of BENCH_SECONDS (5) per server after
// a 2 s warm-up, median reported, 127.0.0.1 only.
//
// Flags: --no-build (or BENCH_REUSE_BUILD=1) reuses an existing production build.
import { type ChildProcess, spawn } from "node:child_process";
import { generateClientId, generateClientSecret, hashSecret, secretHint } from "@/lib/api-clients/secrets";
import autocannon from "autocannon";
import { createRemoteJWKSet, jwtVerify } from "jose";
import pg from "pg";
import { startTestDatabase } from "@/tests/support/test-database";
import { ensureProductionBuild, root, startConsole, type RunningConsole } from "./support/console-server";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONNECTIONS = 16;
const children: ChildProcess[] = [];

interface Result {
  name: string;
  tokensPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
}

async function main() {
  if (process.argv.includes("--no-build")) process.env.BENCH_REUSE_BUILD = "1";
  ensureProductionBuild();
  const database = await startTestDatabase("bench");
  let consoleServer: RunningConsole | undefined;
  try {
    const clientId = generateClientId();
    const secret = generateClientSecret();
    await seedClient(database.url, clientId, secret);

    consoleServer = await startConsole(database.url, {
      SIGNING_ALG: "RS256",
      // The one benchmark client (and loopback) may ask as often as it likes.
      RATE_LIMIT_CLIENT_POINTS: "1000000000",
      RATE_LIMIT_IP_POINTS: "1000000000",
    });
    const consoleUrl = consoleServer.url;
    const peerEnv = { BENCH_CLIENT_ID: clientId, BENCH_CLIENT_SECRET: secret };
    const oidcUrl = await startProcess("oidc-provider", ["--import", "tsx", "bench/peers/oidc-provider-server.ts"], /listening (\S+)/, peerEnv);
    const bareUrl = await startProcess("bare", ["--import", "tsx", "bench/peers/bare-jose-server.ts"], /listening (\S+)/, peerEnv);

    const body = new URLSearchParams({ grant_type: "client_credentials", client_id: clientId, client_secret: secret, audience: "zeebe.camunda.io" }).toString();
    // Sanity: each server issues a token that verifies (the console's from its JWKS alone).
    const sample = await (await post(consoleUrl, body)).json() as { access_token: string };
    await jwtVerify(sample.access_token, createRemoteJWKSet(new URL(`${consoleUrl}/.well-known/jwks.json`)), { audience: "zeebe.camunda.io" });
    for (const url of [oidcUrl, bareUrl]) {
      const r = await post(url, body);
      if (r.status !== 200) throw new Error(`${url} answered ${r.status}: ${await r.text()}`);
    }

    // Interleaved rounds, median per server: machine noise (turbo, other
    // processes) then hits every server alike instead of whichever ran last.
    const servers = [["cluster-console", consoleUrl], ["oidc-provider", oidcUrl], ["node:http + jose (bound)", bareUrl]] as const;
    for (const [, url] of servers) await load(url, body, 2);
    const rounds: Array<Array<Omit<Result, "name">>> = servers.map(() => []);
    for (let round = 0; round < ROUNDS; round++) {
      for (const [i, [, url]] of servers.entries()) rounds[i]!.push(await load(url, body, SECONDS));
    }
    const results: Result[] = servers.map(([name], i) => ({ name, ...median(rounds[i]!) }));
    const counted = await rateLimitCount(database.url, clientId);
    report(results, counted);
  } finally {
    for (const c of children) c.kill("SIGTERM");
    await consoleServer?.stop();
    await database.dispose();
  }
}

function median(runs: Array<Omit<Result, "name">>): Omit<Result, "name"> {
  const sorted = [...runs].sort((a, b) => a.tokensPerSecond - b.tokensPerSecond);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function post(url: string, body: string) {
  return fetch(`${url}/oauth/token`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body });
}

async function load(url: string, body: string, seconds: number): Promise<Omit<Result, "name">> {
  const r = await autocannon({
    url: `${url}/oauth/token`,
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body,
    connections: CONNECTIONS,
    duration: seconds,
  });
  return { tokensPerSecond: r["2xx"] / seconds, p50: r.latency.p50, p99: r.latency.p99, errors: r.non2xx + r.errors + r.timeouts };
}

async function seedClient(url: string, clientId: string, secret: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const org = await client.query<{ id: string }>("INSERT INTO organizations (id, name) VALUES (gen_random_uuid(), 'Bench') RETURNING id");
    const cluster = await client.query<{ id: string }>(
      `INSERT INTO clusters (id, organization_id, name, region, created_by_email) VALUES (gen_random_uuid(), $1, 'bench', 'bru-2', 'bench@example.com') RETURNING id`,
      [org.rows[0]!.id],
    );
    const api = await client.query<{ id: string }>(
      `INSERT INTO api_clients (id, client_id, organization_id, cluster_id, name, scopes, created_by_email)
       VALUES (gen_random_uuid(), $1, $2, $3, 'bench', '{ZEEBE}', 'bench@example.com') RETURNING id`,
      [clientId, org.rows[0]!.id, cluster.rows[0]!.id],
    );
    await client.query(`INSERT INTO client_secrets (id, api_client_id, secret_hash, hint) VALUES (gen_random_uuid(), $1, $2, $3)`, [
      api.rows[0]!.id,
      hashSecret(secret),
      secretHint(secret),
    ]);
  } finally {
    await client.end();
  }
}

async function rateLimitCount(url: string, clientId: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ points: number }>("SELECT points FROM oauth_rate_limits WHERE key = $1", [`oauth_rl_client:${clientId}`]);
    return rows[0]?.points ?? 0;
  } finally {
    await client.end();
  }
}

function startProcess(name: string, args: string[], ready: RegExp, env: Record<string, string>): Promise<string> {
  const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  children.push(child);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} did not start within 60 s`)), 60_000);
    let output = "";
    const onData = (d: Buffer) => {
      output += d.toString();
      const m = ready.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(m[1] ?? "");
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", (d: Buffer) => (output += d.toString()));
    child.on("exit", (code) => reject(new Error(`${name} exited with ${code}:\n${output.slice(-2000)}`)));
  });
}

function report(results: Result[], counted: number) {
  const [ours, oidc, bare] = results as [Result, Result, Result];
  console.log(`\n[bench] token endpoint, RS256, autocannon ${CONNECTIONS} connections, median of ${ROUNDS} interleaved ${SECONDS} s rounds, 127.0.0.1`);
  console.log("server                      tokens/s    p50 ms   p99 ms   errors");
  for (const r of results) {
    console.log(
      `${r.name.padEnd(26)} ${r.tokensPerSecond.toFixed(0).padStart(9)} ${String(r.p50).padStart(9)} ${String(r.p99).padStart(8)} ${String(r.errors).padStart(8)}`,
    );
  }
  const vsOidc = ours.tokensPerSecond / oidc.tokensPerSecond;
  console.log(`\ncluster-console / oidc-provider: ${vsOidc.toFixed(2)}x (target >= 1.5x)`);
  console.log(`cluster-console / bare bound:    ${(ours.tokensPerSecond / bare.tokensPerSecond).toFixed(2)}x`);
  console.log(`cluster-console p99: ${ours.p99} ms (target < 50 ms)`);
  console.log(`rate-limit points charged to the client in PostgreSQL this window: ${counted}`);
  console.log(vsOidc >= 1.5 && ours.p99 < 50 ? "[bench] target met" : "[bench] TARGET MISSED");
}

main().catch((err) => {
  console.error(`[bench] ${(err as Error).stack ?? err}`);
  for (const c of children) c.kill("SIGTERM");
  process.exit(1);
});
