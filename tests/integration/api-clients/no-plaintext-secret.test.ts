// No table anywhere holds a plaintext secret: after creating, rotating and
// revoking clients, every text-like and binary column of every table in the
// public schema is searched for each secret in several encodings. Positive
// controls prove the scan finds what is really there.
import pg from "pg";
import { describe, expect, it } from "vitest";
import { createClient } from "@/lib/api-clients/create-client";
import { rotateClientSecret } from "@/lib/api-clients/rotate-client-secret";
import { revokeClient } from "@/lib/api-clients/revoke-client";
import { hashSecret } from "@/lib/api-clients/secrets";
import { makeClusterWithOwner } from "./helpers";

const SEARCHABLE = ["text", "character varying", "character", "json", "jsonb", "bytea", "ARRAY", "USER-DEFINED"];
const q = (ident: string) => `"${ident.replace(/"/g, '""')}"`;

/** Columns ("table.column") holding any of the needles, with match counts. */
async function scan(client: pg.Client, needles: string[]): Promise<{ hits: Record<string, number>; scanned: number }> {
  const { rows: columns } = await client.query<{ table_name: string; column_name: string; data_type: string }>(
    `SELECT c.table_name, c.column_name, c.data_type
       FROM information_schema.columns c
       JOIN information_schema.tables t USING (table_schema, table_name)
      WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE' AND c.data_type = ANY($1)`,
    [SEARCHABLE],
  );
  const hits: Record<string, number> = {};
  for (const col of columns) {
    // bytea is searched as raw bytes, hex and base64; every other type
    // through its text form. position() is a plain substring test.
    const c = q(col.column_name);
    const match =
      col.data_type === "bytea"
        ? `position(convert_to(needle, 'UTF8') IN ${c}) > 0 OR position(needle IN encode(${c}, 'hex')) > 0
           OR position(needle IN encode(${c}, 'base64')) > 0`
        : `position(needle IN ${c}::text) > 0`;
    const { rows } = await client.query<{ n: string }>(
      `SELECT count(*) AS n FROM ${q(col.table_name)} WHERE ${c} IS NOT NULL
         AND EXISTS (SELECT 1 FROM unnest($1::text[]) AS needle WHERE ${match})`,
      [needles],
    );
    if (Number(rows[0]!.n) > 0) hits[`${col.table_name}.${col.column_name}`] = Number(rows[0]!.n);
  }
  return { hits, scanned: columns.length };
}

describe("secrets at rest", () => {
  it("no column of any table contains a secret, its random body, hex or base64 form", async () => {
    const { owner, cluster } = await makeClusterWithOwner();
    const a = await createClient(owner, { clusterId: cluster.id, name: "scan-a", scopes: ["ZEEBE", "TASKLIST"] });
    const b = await createClient(owner, { clusterId: cluster.id, name: "scan-b", scopes: ["SECRETS"] });
    const r = await rotateClientSecret(owner, { clusterId: cluster.id, clientId: a.clientId, grace: "1h" });
    await revokeClient(owner, { clusterId: cluster.id, clientId: b.clientId });
    const secrets = [a.clientSecret, b.clientSecret, r.clientSecret];

    const needles = secrets.flatMap((s) => {
      const body = s.slice(4, 47); // the 32 random bytes, base64url
      const raw = Buffer.from(body, "base64url");
      return [s, body, Buffer.from(s).toString("hex"), Buffer.from(s).toString("base64"), raw.toString("hex"), raw.toString("base64")];
    });

    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    try {
      const { hits, scanned } = await scan(client, needles);
      expect(scanned).toBeGreaterThan(10);
      expect(hits).toEqual({});
      // Controls: the scan does find stored values, in text and in bytea.
      expect((await scan(client, [a.clientId])).hits).toMatchObject({ "api_clients.client_id": 1 });
      expect((await scan(client, [hashSecret(a.clientSecret).toString("hex")])).hits).toEqual({
        "client_secrets.secret_hash": 1,
      });
    } finally {
      await client.end();
    }
  });
});
