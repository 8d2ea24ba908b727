// Token benchmark data: API clients inserted in bulk (one organization and
// cluster), with secrets in the console's own format and digest, and the
// request bodies that ask for their tokens.
import pg from "pg";
import { generateClientId, generateClientSecret, hashSecret, secretHint } from "@cluster-console/credentials/secrets";

export interface BenchClient {
  clientId: string;
  secret: string;
  /** The form body of a token request for this client. */
  body: string;
}

export async function seedClients(databaseUrl: string, count: number): Promise<BenchClient[]> {
  const clients = Array.from({ length: count }, () => {
    const clientId = generateClientId();
    const secret = generateClientSecret();
    const body = new URLSearchParams({ grant_type: "client_credentials", client_id: clientId, client_secret: secret, audience: "zeebe.camunda.io" }).toString();
    return { clientId, secret, body };
  });
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const org = await db.query<{ id: string }>("INSERT INTO organizations (id, name) VALUES (gen_random_uuid(), 'Bench') RETURNING id");
    const cluster = await db.query<{ id: string }>(
      `INSERT INTO clusters (id, organization_id, name, region, created_by_email) VALUES (gen_random_uuid(), $1, 'bench', 'bru-2', 'bench@example.com') RETURNING id`,
      [org.rows[0]!.id],
    );
    for (let i = 0; i < clients.length; i += 2_000) {
      const batch = clients.slice(i, i + 2_000);
      await db.query(
        `WITH c AS (
           INSERT INTO api_clients (id, client_id, organization_id, cluster_id, name, scopes, created_by_email)
           SELECT gen_random_uuid(), id, $2, $3, 'bench ' || id, '{ZEEBE}', 'bench@example.com' FROM unnest($1::text[]) AS id
           RETURNING id, client_id)
         INSERT INTO client_secrets (id, api_client_id, secret_hash, hint)
         SELECT gen_random_uuid(), c.id, s.hash, s.hint FROM c JOIN unnest($1::text[], $4::bytea[], $5::text[]) AS s(client_id, hash, hint) USING (client_id)`,
        [batch.map((c) => c.clientId), org.rows[0]!.id, cluster.rows[0]!.id, batch.map((c) => hashSecret(c.secret)), batch.map((c) => secretHint(c.secret))],
      );
    }
  } finally {
    await db.end();
  }
  return clients;
}

export async function rateLimitPoints(databaseUrl: string, clientId: string): Promise<number> {
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const { rows } = await db.query<{ points: number }>("SELECT points FROM oauth_rate_limits WHERE key = $1", [`oauth_rl_client:${clientId}`]);
    return rows[0]?.points ?? 0;
  } finally {
    await db.end();
  }
}
