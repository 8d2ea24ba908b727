// After a KEY_ENCRYPTION_KEY change: seal every connector secret value again
// under the current key (`npm run keys:reencrypt`, with the old key in
// KEY_ENCRYPTION_KEY_PREVIOUS). Row by row, each in its own short
// transaction with the row locked, so a concurrent edit is never overwritten.
// Values already under the current key are left alone; running it twice is
// harmless. A row neither key opens is counted and left as it is (its ID is
// returned, never its value). `clusterId` limits the run to one cluster.
import type pg from "pg";
import { openValue, sealValue } from "@/lib/connector-secrets/value-encryption";

export async function reencryptConnectorSecrets(
  pool: pg.Pool,
  keys: { current: Buffer; previous?: Buffer },
  opts: { clusterId?: string } = {},
): Promise<{ reencrypted: number; total: number; unreadable: string[] }> {
  const { rows } = opts.clusterId
    ? await pool.query<{ id: string }>(`SELECT id::text FROM connector_secrets WHERE cluster_id = $1::uuid ORDER BY id`, [opts.clusterId])
    : await pool.query<{ id: string }>(`SELECT id::text FROM connector_secrets ORDER BY id`);
  let reencrypted = 0;
  const unreadable: string[] = [];
  for (const { id } of rows) {
    const client = await pool.connect();
    try {
      await client.query("BEGIN");
      const r = await client.query<{ value: Buffer }>(`SELECT value FROM connector_secrets WHERE id = $1::uuid FOR UPDATE`, [id]);
      const row = r.rows[0];
      let opened: ReturnType<typeof openValue> | undefined;
      try {
        opened = row ? openValue(keys, id, row.value) : undefined;
      } catch {
        unreadable.push(id);
      }
      if (opened) {
        if (opened.withPrevious) {
          await client.query(`UPDATE connector_secrets SET value = $2 WHERE id = $1::uuid`, [id, sealValue(keys.current, id, opened.value)]);
          reencrypted++;
        }
      }
      await client.query("COMMIT");
    } catch (err) {
      await client.query("ROLLBACK").catch(() => {});
      throw err;
    } finally {
      client.release();
    }
  }
  return { reencrypted, total: rows.length, unreadable };
}
