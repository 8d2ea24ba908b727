// "Last used" on the API tab and on a client's page, written at most once a
// minute per secret (or per client, for an Administration API call) and per
// instance, off the request path (fire and forget); the address is that of
// the use that was written, so a client used from many addresses still costs
// one write a minute. The UPDATEs touch only
// the last-use columns, which the change triggers ignore, so they never
// flush caches.
import type pg from "pg";

const INTERVAL_MS = 60_000;

/** Which secret a token request presented, and from which source address. */
export interface SecretUse {
  secretId: string;
  address: string;
}

// One statement per use: the secret's last use and address, and the client's last use.
const TOUCH_SECRET_SQL = `
  WITH secret AS (
    UPDATE client_secrets SET last_used_at = now(), last_used_address = left($3, 64)
     WHERE id = $2 AND api_client_id = $1
       AND (last_used_at IS NULL OR last_used_at < now() - interval '50 seconds'))
  UPDATE api_clients SET last_used_at = now()
   WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < now() - interval '50 seconds')`;

export class LastUsedTracker {
  private written = new Map<string, number>();

  constructor(private readonly pool: pg.Pool) {}

  touch(apiClientRowId: string, use?: SecretUse, now = Date.now()) {
    const key = use ? use.secretId : apiClientRowId;
    const last = this.written.get(key);
    if (last !== undefined && now - last < INTERVAL_MS) return;
    this.written.set(key, now);
    if (this.written.size > 50_000) this.written.clear();
    const query = use
      ? { name: "oauth-touch-secret", text: TOUCH_SECRET_SQL, values: [apiClientRowId, use.secretId, use.address] }
      : {
          name: "oauth-touch-client",
          text: `UPDATE api_clients SET last_used_at = now()
                  WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < now() - interval '50 seconds')`,
          values: [apiClientRowId],
        };
    this.pool.query(query).catch(() => this.written.delete(key)); // try again on the next request
  }
}
