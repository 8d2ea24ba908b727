// Signing keys in the database (table oauth_signing_keys): create the first
// one, rotate, and load the set that is still published. One owner for the
// table; the key ring (key-ring.ts) only reads through loadPublishedKeys.
import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from "node:crypto";
import { calculateJwkThumbprint, type JWK } from "jose";
import type pg from "pg";
import type { SigningAlg } from "../settings";
import { decryptPrivateKey, encryptPrivateKey } from "./key-encryption";

export interface StoredKey {
  kid: string;
  alg: SigningAlg;
  publicJwk: JWK;
  privateKey: KeyObject;
  retiredAt: Date | null;
}

// Verifiers' clocks and caches: keep retired keys a little past the last expiry.
const PUBLISH_SLACK_SECONDS = 300;

function generate(alg: SigningAlg): KeyObject {
  if (alg === "RS256") return generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey;
  if (alg === "ES256") return generateKeyPairSync("ec", { namedCurve: "P-256" }).privateKey;
  return generateKeyPairSync("ed25519").privateKey;
}

async function newKeyRow(alg: SigningAlg, kek: Buffer) {
  const privateKey = generate(alg);
  const jwk = createPublicKey(privateKey).export({ format: "jwk" }) as JWK;
  const kid = await calculateJwkThumbprint(jwk, "sha256");
  const publicJwk: JWK = { ...jwk, kid, alg, use: "sig" };
  const der = privateKey.export({ format: "der", type: "pkcs8" });
  return { kid, alg, publicJwk, sealed: encryptPrivateKey(kek, kid, der) };
}

/** Creates the first key if there is none; safe when several instances start at once. */
export async function ensureSigningKey(pool: pg.Pool, alg: SigningAlg, kek: Buffer): Promise<"created" | "exists"> {
  const active = await pool.query("SELECT 1 FROM oauth_signing_keys WHERE retired_at IS NULL");
  if (active.rowCount) return "exists";
  const row = await newKeyRow(alg, kek);
  const inserted = await durably(pool, (client) =>
    client.query(`INSERT INTO oauth_signing_keys (kid, alg, public_jwk, private_key) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`, [
      row.kid,
      row.alg,
      JSON.stringify(row.publicJwk),
      row.sealed,
    ]),
  );
  return inserted.rowCount ? "created" : "exists";
}

/**
 * One transaction whose commit waits for the disk, whatever the pool's
 * default (the token path's pool commits asynchronously): tokens are signed
 * with a key the moment it commits, so a crash must not forget it.
 */
async function durably<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    await client.query("SET LOCAL synchronous_commit = on");
    const result = await work(client);
    await client.query("COMMIT");
    return result;
  } catch (err) {
    await client.query("ROLLBACK").catch(() => {});
    throw err;
  } finally {
    client.release();
  }
}

/** Adds a new active key and retires the current one (still published until its tokens expire). */
export async function rotateSigningKey(pool: pg.Pool, alg: SigningAlg, kek: Buffer): Promise<{ kid: string; retired: string[] }> {
  const row = await newKeyRow(alg, kek);
  return durably(pool, async (client) => {
    await client.query("LOCK TABLE oauth_signing_keys IN SHARE ROW EXCLUSIVE MODE");
    const retired = await client.query<{ kid: string }>(
      "UPDATE oauth_signing_keys SET retired_at = now() WHERE retired_at IS NULL RETURNING kid",
    );
    await client.query(`INSERT INTO oauth_signing_keys (kid, alg, public_jwk, private_key) VALUES ($1, $2, $3, $4)`, [
      row.kid,
      row.alg,
      JSON.stringify(row.publicJwk),
      row.sealed,
    ]);
    return { kid: row.kid, retired: retired.rows.map((r) => r.kid) };
  });
}

/** The active key plus retired keys whose tokens may still be valid. */
export async function loadPublishedKeys(pool: pg.Pool, kek: Buffer, tokenTtlSeconds: number): Promise<StoredKey[]> {
  const { rows } = await pool.query<{ kid: string; alg: SigningAlg; public_jwk: JWK; private_key: Buffer; retired_at: Date | null }>(
    `SELECT kid, alg, public_jwk, private_key, retired_at FROM oauth_signing_keys
      WHERE retired_at IS NULL OR retired_at > now() - make_interval(secs => $1)
      ORDER BY retired_at DESC NULLS FIRST, created_at DESC`,
    [tokenTtlSeconds + PUBLISH_SLACK_SECONDS],
  );
  return rows.map((r) => ({
    kid: r.kid,
    alg: r.alg,
    publicJwk: r.public_jwk,
    privateKey: createPrivateKey({ key: decryptPrivateKey(kek, r.kid, r.private_key), format: "der", type: "pkcs8" }),
    retiredAt: r.retired_at,
  }));
}
