// The official Camunda Node SDK obtains tokens with nothing but a credentials
// file downloaded through the UI, and serves repeated calls from its cache.
import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Redis } from "ioredis";
import { decodeJwt } from "jose";
import { createCluster, expect, sql, test } from "./fixtures";
import { createClientAndDownloadEnv } from "./support/download-credentials";

const script = path.join(import.meta.dirname, "support/sdk-token.mjs");
const ocaScript = path.join(import.meta.dirname, "support/oca-token.mjs");

function runSdk(envFile: string, cacheDir: string, file = script) {
  // Only the credentials file configures the SDK; the cache folder keeps this
  // run apart from anything else on the machine.
  const out = execFileSync(
    "bash",
    ["--noprofile", "--norc", "-c", 'set -euo pipefail; source "$1"; exec node "$2"', "bash", envFile, file],
    { env: { NODE_ENV: "production", PATH: process.env.PATH, HOME: cacheDir, CAMUNDA_TOKEN_CACHE_DIR: cacheDir } },
  );
  return JSON.parse(out.toString().trim().split("\n").pop()!);
}

/** Token requests the server charged to this client: its rate-limit counter, wherever it lives. */
async function tokenRequests(clientId: string): Promise<number> {
  const key = `oauth_rl_client:${clientId}`;
  const redisKey = `${process.env.REDIS_KEY_PREFIX ?? ""}${key}`;
  if (process.env.REDIS_URL) {
    const redis = new Redis(process.env.REDIS_URL);
    try {
      return Number((await redis.get(redisKey)) ?? 0);
    } finally {
      redis.disconnect();
    }
  }
  const { rows } = await sql().query<{ points: number }>("SELECT points FROM oauth_rate_limits WHERE key = $1", [key]);
  return rows[0]?.points ?? 0;
}

test("the Camunda Node SDK gets a token from the downloaded credentials and caches it", async ({ page, owner }, testInfo) => {
  const cluster = await createCluster(owner.organizationId, "SDK cluster");
  const { clientId, envFile } = await createClientAndDownloadEnv(page, cluster.id, "sdk-worker", testInfo);

  const cacheDir = mkdtempSync(path.join(os.tmpdir(), "cc-sdk-"));
  const run1 = runSdk(envFile, cacheDir);
  expect(run1.first).toMatch(/^Bearer ey/);
  expect(run1.second).toBe(run1.first);
  const claims = decodeJwt(run1.first.slice("Bearer ".length));
  expect(claims).toMatchObject({ sub: clientId, aud: "zeebe.camunda.io", cluster_id: cluster.id });
  expect(await tokenRequests(clientId)).toBe(1);

  // A second process finds the token in the SDK's disk cache.
  const run2 = runSdk(envFile, cacheDir);
  expect(run2.first).toBe(run1.first);
  expect(await tokenRequests(clientId)).toBe(1);
});

test("the 8.8 orchestration clients switch OAuth on from the downloaded credentials alone", async ({ page, owner }, testInfo) => {
  const cluster = await createCluster(owner.organizationId, "Orchestration cluster");
  const { clientId, envFile } = await createClientAndDownloadEnv(page, cluster.id, "oca-worker", testInfo);

  const out = runSdk(envFile, mkdtempSync(path.join(os.tmpdir(), "cc-oca-")), ocaScript);
  expect(out.ocaStrategy).toBe("OAUTH");
  expect(out.ocaRestAddress).toBe(`https://bru-2.zeebe.camunda.io/${cluster.id}/v2`);
  for (const header of [out.oca, out.sdk]) {
    expect(header).toMatch(/^Bearer ey/);
    expect(decodeJwt(header.slice("Bearer ".length))).toMatchObject({ sub: clientId, aud: "zeebe.camunda.io", cluster_id: cluster.id });
  }
});
