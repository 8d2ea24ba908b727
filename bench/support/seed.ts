// Bench data written straight into a migrated database: an organization with
// a signed-in owner, clusters, and API clients by the thousand (one statement
// each, so 100,000 clients take seconds, not a request each).
import pg from "pg";
import { hashPassword } from "@/lib/auth/password";

export const BENCH_EMAIL = "bench@example.com";
export const BENCH_PASSWORD = "bench password 123";

/** An organization whose owner signs in as BENCH_EMAIL / BENCH_PASSWORD. */
export async function seedOrganization(db: pg.Client): Promise<string> {
  const org = (await db.query("INSERT INTO organizations (id, name) VALUES (gen_random_uuid(), 'Bench') RETURNING id")).rows[0].id;
  const user = (
    await db.query(
      "INSERT INTO users (id, email, name, password_hash) VALUES (gen_random_uuid(), $1, 'Bench Owner', $2) RETURNING id",
      [BENCH_EMAIL, await hashPassword(BENCH_PASSWORD)],
    )
  ).rows[0].id;
  await db.query("INSERT INTO memberships (id, organization_id, user_id, role) VALUES (gen_random_uuid(), $1, $2, 'OWNER')", [org, user]);
  return org;
}

export async function seedCluster(db: pg.Client, org: string, name: string): Promise<string> {
  const { rows } = await db.query(
    "INSERT INTO clusters (id, organization_id, name, region, created_by_email) VALUES (gen_random_uuid(), $1, $2, 'bru-2', $3) RETURNING id",
    [org, name, BENCH_EMAIL],
  );
  return rows[0].id;
}

/** `count` clients named "client 1".."client N" (client 1 the newest), each with one secret. */
export async function seedClients(db: pg.Client, org: string, cluster: string, count: number): Promise<void> {
  await db.query(
    `WITH c AS (
       INSERT INTO api_clients (id, client_id, organization_id, cluster_id, name, scopes, created_by_email, created_at)
       SELECT gen_random_uuid(), 'bench' || i || '-' || md5(random()::text), $1, $2, 'client ' || i,
              ARRAY['ZEEBE','TASKLIST']::"ClientScope"[], $4, now() - i * interval '1 minute'
       FROM generate_series(1, $3::int) i RETURNING id)
     INSERT INTO client_secrets (id, api_client_id, secret_hash, hint)
     SELECT gen_random_uuid(), id, sha256(id::text::bytea), 'abcd' FROM c`,
    [org, cluster, count, BENCH_EMAIL],
  );
}

/** Runs `work` with a connection to the database, closed afterwards. */
export async function withDatabase<T>(databaseUrl: string, work: (db: pg.Client) => Promise<T>): Promise<T> {
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    return await work(db);
  } finally {
    await db.end();
  }
}
