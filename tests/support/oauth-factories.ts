// Test data for the authorization server: API clients inserted directly, so
// these tests do not depend on the console's create flow, but with IDs,
// secrets and digests from the console's own generators
// (packages/credentials/src/secrets.ts), plus an in-process server and settings builder.
import { randomBytes } from "node:crypto";
import http from "node:http";
import { createRemoteJWKSet } from "jose";
import { afterAll, beforeAll } from "vitest";
import type { AddressInfo } from "node:net";
import { generateClientId, generateClientSecret, hashSecret, secretHint } from "@cluster-console/credentials/secrets";
import { db } from "@/lib/db/client";
import { createOAuthRuntime, handleOAuthRequest, type OAuthRuntime, type OAuthSettings } from "@cluster-console/auth-server";
import type { ClientScopeName } from "@cluster-console/credentials";
import { makeOrganization, uniq } from "./factories";

/** Every test process must use the same KEK: the keys table is shared. */
export const TEST_KEK = Buffer.alloc(32, 7);
export const TEST_ISSUER = "http://localhost:3999";

export function testSettings(overrides: Partial<OAuthSettings> = {}): OAuthSettings {
  const big = { points: 1_000_000, durationSeconds: 60, blockSeconds: 60 };
  return {
    databaseUrl: process.env.DATABASE_URL!,
    issuer: TEST_ISSUER,
    tokenTtlSeconds: 3600,
    // Off unless a test is about reuse: most tests expect a new token per request.
    tokenReuseSeconds: 0,
    signingAlg: "RS256",
    keyEncryptionKey: TEST_KEK,
    audiences: {
      ZEEBE: "zeebe.test.local",
      TASKLIST: "tasklist.test.local",
      OPERATE: "operate.test.local",
      OPTIMIZE: "optimize.test.local",
      SECRETS: "secrets.test.local",
    },
    clusterDomain: "camunda.io",
    defaultScope: "ZEEBE",
    // Tests send X-Forwarded-For so each gets its own source address.
    trustProxyHops: 1,
    limits: { ip: big, client: big, failed: big },
    redisKeyPrefix: "",
    poolSize: 4,
    ...overrides,
  };
}

export const newSecret = generateClientSecret;

/**
 * How long a test waits for a change to reach the token path: instances
 * learn of revocations, rotations and deletions through PostgreSQL's
 * LISTEN/NOTIFY, which arrives a moment after the change commits.
 */
export const NOTIFIED = { timeout: 2_000, interval: 20 };
export const testIp = () => `10.${randomBytes(1)[0]}.${randomBytes(1)[0]}.${randomBytes(1)[0]}`;

/** A client in a new cluster, or in the cluster of `sibling`. */
export async function makeApiClient(scopes: ClientScopeName[] = ["ZEEBE"], sibling?: { clusterId: string; organizationId: string }) {
  const org = sibling ? { id: sibling.organizationId } : await makeOrganization();
  const cluster = sibling
    ? { id: sibling.clusterId }
    : await db().cluster.create({
        data: { organizationId: org.id, name: `c-${uniq()}`, region: "bru-2", createdByEmail: "t@example.com" },
      });
  const clientId = generateClientId();
  const secret = newSecret();
  const client = await db().apiClient.create({
    data: { clientId, organizationId: org.id, clusterId: cluster.id, name: `client ${uniq()}`, scopes, createdByEmail: "t@example.com" },
  });
  const row = await db().clientSecret.create({ data: { apiClientId: client.id, secretHash: hashSecret(secret), hint: secretHint(secret) } });
  return {
    id: client.id,
    clientId,
    secret,
    secretRowId: row.id,
    clusterId: cluster.id,
    organizationId: org.id,
    async addSecret(expiresAt?: Date) {
      const s = newSecret();
      const r = await db().clientSecret.create({ data: { apiClientId: client.id, secretHash: hashSecret(s), hint: secretHint(s), expiresAt } });
      return { secret: s, rowId: r.id };
    },
    revoke: () => db().apiClient.update({ where: { id: client.id }, data: { revokedAt: new Date() } }),
  };
}

export interface TestServer {
  url: string;
  runtime: OAuthRuntime;
  close(): Promise<void>;
}

export async function startOAuthServer(settings = testSettings()): Promise<TestServer> {
  const runtime = createOAuthRuntime(settings);
  await runtime.start();
  const server = http.createServer((req, res) => {
    if (!handleOAuthRequest(runtime, req, res)) {
      res.statusCode = 404;
      res.end();
    }
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    runtime,
    async close() {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
      await runtime.close();
    },
  };
}

/** POST a form to the token endpoint. */
export function postForm(url: string, fields: Record<string, string>, headers: Record<string, string> = {}) {
  return fetch(`${url}/oauth/token`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
    body: new URLSearchParams(fields).toString(),
  });
}

export const basic = (id: string, secret: string) =>
  `Basic ${Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString("base64")}`;

/** Starts tests/support/oauth-server-process.ts as a child process; resolves with its URL. */
export async function spawnOAuthServer(settings: OAuthSettings): Promise<{ url: string; stop(): Promise<void> }> {
  const { spawn } = await import("node:child_process");
  const child = spawn(process.execPath, ["--import", "tsx", "tests/support/oauth-server-process.ts"], {
    env: { ...process.env, OAUTH_TEST_SETTINGS: JSON.stringify({ ...settings, keyEncryptionKey: settings.keyEncryptionKey.toString("base64") }) },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("server process did not start in 20 s")), 20_000);
    child.stdout!.on("data", (d: Buffer) => {
      const m = /listening (\S+)/.exec(d.toString());
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.on("exit", (code) => reject(new Error(`server process exited with ${code}`)));
  });
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.on("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

/**
 * One in-process authorization server for a test file: started before its
 * tests, closed after them, with a JWKS client on it (verifying as a resource
 * server would, from the published keys alone).
 */
export function oauthServerForFile() {
  let server: TestServer | undefined;
  let jwks: ReturnType<typeof createRemoteJWKSet> | undefined;
  beforeAll(async () => {
    server = await startOAuthServer();
    jwks = createRemoteJWKSet(new URL(`${server.url}/.well-known/jwks.json`));
  });
  afterAll(() => server?.close());
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error("the authorization server starts in beforeAll");
    return value;
  };
  return {
    get server() {
      return started(server);
    },
    get jwks() {
      return started(jwks);
    },
  };
}
