// Signing keys: tokens verify from the JWKS alone (jose's createRemoteJWKSet)
// before and after a rotation, ES256/EdDSA by configuration, private keys
// encrypted at rest. Each test uses its own database: rotation is global.
import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from "jose";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { rotateSigningKey } from "@cluster-console/auth-server";
import { freshDatabaseUrl } from "../support/factories";
import { generateClientId, hashSecret } from "@cluster-console/credentials/secrets";
import { TEST_KEK, newSecret, postForm, startOAuthServer, testSettings, type TestServer } from "../support/oauth-factories";

const cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanup.length) await cleanup.pop()!();
});

async function seed(databaseUrl: string) {
  const c = new pg.Client({ connectionString: databaseUrl });
  await c.connect();
  const clientId = generateClientId();
  const secret = newSecret();
  const org = await c.query<{ id: string }>("INSERT INTO organizations (id, name) VALUES (gen_random_uuid(), 'K') RETURNING id");
  const cl = await c.query<{ id: string }>(
    "INSERT INTO clusters (id, organization_id, name, region, created_by_email) VALUES (gen_random_uuid(), $1, 'k', 'bru-2', 'k@example.com') RETURNING id",
    [org.rows[0]!.id],
  );
  const api = await c.query<{ id: string }>(
    "INSERT INTO api_clients (id, client_id, organization_id, cluster_id, name, scopes, created_by_email) VALUES (gen_random_uuid(), $1, $2, $3, 'k', '{ZEEBE}', 'k@example.com') RETURNING id",
    [clientId, org.rows[0]!.id, cl.rows[0]!.id],
  );
  await c.query("INSERT INTO client_secrets (id, api_client_id, secret_hash, hint) VALUES (gen_random_uuid(), $1, $2, 'x')", [api.rows[0]!.id, hashSecret(secret)]);
  await c.end();
  return { clientId, secret };
}

async function serverOn(databaseUrl: string, signingAlg: "RS256" | "ES256" | "EdDSA" = "RS256", tokenReuseSeconds = 0): Promise<TestServer> {
  const server = await startOAuthServer(testSettings({ databaseUrl, signingAlg, tokenReuseSeconds }));
  cleanup.push(() => server.close());
  return server;
}

const token = async (server: TestServer, c: { clientId: string; secret: string }) => {
  const res = await postForm(server.url, { grant_type: "client_credentials", client_id: c.clientId, client_secret: c.secret }, { "x-forwarded-for": "10.9.9.9" });
  expect(res.status).toBe(200);
  return ((await res.json()) as { access_token: string }).access_token;
};

describe("signing keys", () => {
  it("ends token reuse at a key rotation: the held token is not handed out once the new key signs", async () => {
    const url = await freshDatabaseUrl();
    const server = await serverOn(url, "RS256", 300);
    const c = await seed(url);
    const held = await token(server, c);
    expect(await token(server, c)).toBe(held);

    const pool = new pg.Pool({ connectionString: url, max: 1 });
    const { kid } = await rotateSigningKey(pool, "RS256", TEST_KEK);
    await pool.end();
    // Until the reload the old key is still the active one (and its token may be reused); after it, never.
    await expect.poll(async () => decodeProtectedHeader(await token(server, c)).kid, { timeout: 3000 }).toBe(kid);
    const after = await token(server, c);
    expect(after).not.toBe(held);
    expect(await token(server, c)).toBe(after);
  });

  it("keeps publishing the old key after a rotation; both tokens verify from the JWKS alone", async () => {
    const url = await freshDatabaseUrl();
    const server = await serverOn(url);
    const c = await seed(url);
    const before = await token(server, c);
    const jwks = createRemoteJWKSet(new URL(`${server.url}/.well-known/jwks.json`));
    await jwtVerify(before, jwks);

    const pool = new pg.Pool({ connectionString: url, max: 1 });
    const { kid, retired } = await rotateSigningKey(pool, "RS256", TEST_KEK);
    await pool.end();
    expect(retired).toEqual([decodeProtectedHeader(before).kid]);

    await expect.poll(async () => decodeProtectedHeader(await token(server, c)).kid, { timeout: 3000 }).toBe(kid);
    const after = await token(server, c);
    // A fresh verifier (no cached JWKS) verifies both.
    const fresh = createRemoteJWKSet(new URL(`${server.url}/.well-known/jwks.json`));
    await jwtVerify(before, fresh);
    await jwtVerify(after, fresh);
    const published = ((await (await fetch(`${server.url}/.well-known/jwks.json`)).json()) as { keys: Array<{ kid: string }> }).keys.map((k) => k.kid);
    expect(published).toEqual(expect.arrayContaining([kid, retired[0]]));
  });

  for (const alg of ["ES256", "EdDSA"] as const) {
    it(`signs with ${alg} when configured`, async () => {
      const url = await freshDatabaseUrl();
      const server = await serverOn(url, alg);
      const c = await seed(url);
      const t = await token(server, c);
      expect(decodeProtectedHeader(t).alg).toBe(alg);
      await jwtVerify(t, createRemoteJWKSet(new URL(`${server.url}/.well-known/jwks.json`)));
    });
  }

  it("commits the token path's per-request writes asynchronously, but a signing key synchronously", async () => {
    const url = await freshDatabaseUrl();
    const server = await serverOn(url);
    // Rate-limit counters, last-used times and usage counts need no disk flush per request.
    const { rows } = await server.runtime.pool.query<{ synchronous_commit: string }>("SHOW synchronous_commit");
    expect(rows[0]!.synchronous_commit).toBe("off");

    // A rotation on that very pool still waits for the disk: it asks for it inside its transaction.
    const seen: string[] = [];
    const pool = server.runtime.pool;
    const watch = (client: pg.PoolClient) => {
      const marked = client as pg.PoolClient & { watched?: boolean };
      if (marked.watched) return;
      marked.watched = true;
      const query = client.query.bind(client) as (text: unknown, ...rest: unknown[]) => Promise<unknown>;
      (client as unknown as { query: typeof query }).query = async (text: unknown, ...rest: unknown[]) => {
        if (text === "COMMIT") {
          const { rows: inside } = (await query("SHOW synchronous_commit")) as { rows: Array<{ synchronous_commit: string }> };
          seen.push(`commit with synchronous_commit=${inside[0]!.synchronous_commit}`);
        } else if (typeof text === "string" && /^(BEGIN|SET LOCAL)/.test(text)) seen.push(text);
        return query(text, ...rest);
      };
    };
    pool.on("acquire", watch);
    await rotateSigningKey(pool, "RS256", TEST_KEK);
    pool.off("acquire", watch);
    expect(seen).toEqual(["BEGIN", "SET LOCAL synchronous_commit = on", "commit with synchronous_commit=on"]);
  });

  it("stores private keys encrypted and refuses a wrong key-encryption key", async () => {
    const url = await freshDatabaseUrl();
    await serverOn(url);
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    const { rows } = await c.query<{ private_key: Buffer; public_jwk: Record<string, unknown> }>("SELECT private_key, public_jwk FROM oauth_signing_keys");
    await c.end();
    expect(rows[0]!.public_jwk).not.toHaveProperty("d");
    expect(rows[0]!.private_key.includes(Buffer.from("PRIVATE KEY"))).toBe(false);
    const wrong = await startOAuthServer(testSettings({ databaseUrl: url, keyEncryptionKey: Buffer.alloc(32, 9) })).catch((e: Error) => e);
    expect(wrong).toBeInstanceOf(Error);
    expect((wrong as Error).message).toMatch(/KEY_ENCRYPTION_KEY/);
  });
});
