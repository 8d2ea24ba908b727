// IP allowlists at the token endpoint: a cluster's (every client of the
// cluster) and a client's own, narrower one. A token request from an address
// outside either non-empty list is refused after the client authenticated,
// with `unauthorized_client`, and recorded in the organization's Activity
// (`client.token_refused_address`) at most once a minute per client and
// address per instance, off the request path. The address is the one the rate
// limits use (node-adapter.ts sourceAddress: the socket's, or the entry
// TRUST_PROXY_HOPS proxies in). IPv4-mapped IPv6 addresses match IPv4 entries.
import { BlockList, isIP } from "node:net";
import type pg from "pg";
import { OAuthError } from "../protocol/errors";
import type { CachedClient } from "./client-cache";

/** Entries as stored ({ ip, description }): the ip strings, anything malformed dropped (it never matches). */
export function allowlistEntries(json: unknown): string[] {
  if (!Array.isArray(json)) return [];
  return json.flatMap((e) => (e && typeof e.ip === "string" && e.ip.length <= 64 ? [e.ip] : []));
}

const lists = new WeakMap<readonly string[], BlockList>();

function blockList(entries: readonly string[]): BlockList {
  let list = lists.get(entries);
  if (list) return list;
  list = new BlockList();
  for (const entry of entries) {
    const [addr = "", prefix, extra] = entry.split("/");
    const family = isIP(addr);
    if (!family || extra !== undefined) continue;
    const type = family === 6 ? "ipv6" : "ipv4";
    if (prefix === undefined) list.addAddress(addr, type);
    else if (/^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 6 ? 128 : 32)) list.addSubnet(addr, Number(prefix), type);
  }
  lists.set(entries, list);
  return list;
}

/** Whether `address` is on the list; an empty list allows everyone. */
export function addressAllowed(entries: readonly string[], address: string): boolean {
  if (entries.length === 0) return true;
  const plain = address.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, "$1");
  const family = isIP(plain);
  if (!family) return false;
  return blockList(entries).check(plain, family === 6 ? "ipv6" : "ipv4");
}

const RECORD_INTERVAL_MS = 60_000;

const RECORD_SQL = `
  INSERT INTO audit_events (organization_id, cluster_id, actor_email, actor_name, action, target_type, target_id, target_name, metadata)
  VALUES ($1, $2, 'token endpoint', 'The token endpoint', 'client.token_refused_address', 'api_client', $3, $4,
          jsonb_build_object('clientId', $3::text, 'address', left($5::text, 64), 'list', $6::text))`;

export class AddressAllowlist {
  private recorded = new Map<string, number>();

  constructor(private readonly pool: pg.Pool) {}

  /** Throws unauthorized_client (and records it) when the client may not get tokens from `address`. */
  check(client: CachedClient, address: string, now = Date.now()): void {
    const cluster = client.clusterIpAllowlist;
    const own = client.ipAllowlist;
    if (cluster.length === 0 && own.length === 0) return;
    const refusedBy = !addressAllowed(cluster, address) ? "cluster" : !addressAllowed(own, address) ? "client" : null;
    if (!refusedBy) return;
    this.record(client, address, refusedBy, now);
    throw new OAuthError(
      "unauthorized_client",
      refusedBy === "cluster"
        ? "This request's address is not on the cluster's IP allowlist: its clients get tokens only from the addresses listed there."
        : "This request's address is not on the client's own IP allowlist.",
    );
  }

  private record(client: CachedClient, address: string, list: "cluster" | "client", now: number) {
    const key = `${client.clientId} ${address}`;
    const last = this.recorded.get(key);
    if (last !== undefined && now - last < RECORD_INTERVAL_MS) return;
    if (this.recorded.size > 10_000) this.recorded.clear();
    this.recorded.set(key, now);
    this.pool
      .query({ name: "oauth-refused-address", text: RECORD_SQL, values: [client.organizationId, client.clusterId, client.clientId, client.name, address, list] })
      .catch(() => this.recorded.delete(key));
  }
}
