// Searches every text-like and binary column of every table in the public
// schema for given strings, the way a database dump would show them. Used by
// the tests that prove no secret is ever stored.
import type pg from "pg";

const SEARCHABLE = ["text", "character varying", "character", "json", "jsonb", "bytea", "ARRAY", "USER-DEFINED"];
const q = (ident: string) => `"${ident.replace(/"/g, '""')}"`;

/** Columns ("table.column") holding any of the needles, with match counts. */
export async function scanDatabase(client: pg.Client, needles: string[]): Promise<{ hits: Record<string, number>; scanned: number }> {
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
