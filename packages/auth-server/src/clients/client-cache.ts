// In-process cache of API clients and their live secret hashes: the token
// path authenticates every request against the stored SHA-256 hash without a
// database round trip, and the Administration API and introspection check a
// token's secret ID against the same live secrets (token/secret-binding.ts). Entries are dropped on NOTIFY (see change-listener.ts),
// so revocations and new secrets apply on the next request on every instance.
// Grace periods need no notification: expires_at is compared per request.
import type pg from "pg";
import type { ChangeListener } from "../store/change-listener";
import type { AdminPermissionName, ClientScopeName, OrganizationBounds } from "@cluster-console/credentials";
import { LruMap } from "./lru-map";
import { allowlistEntries } from "./address-allowlist";

export interface CachedSecret {
  /** The secret's row ID: tokens carry it (token/secret-binding.ts), never the secret or its digest; its last use is recorded by it. */
  id: string;
  hash: Buffer;
  expiresAt: number | null;
}

export interface CachedClient {
  id: string;
  clientId: string;
  /** Shown as the actor of what an Administration API client changes. */
  name: string;
  organizationId: string;
  /** null for an organization-level Administration API client. */
  clusterId: string | null;
  /** The cluster's region (its derived addresses are audience aliases); null with no cluster. */
  clusterRegion: string | null;
  /** A registered cluster's gRPC and REST addresses (audience aliases too); null when derived. */
  clusterGrpcAddress: string | null;
  clusterRestAddress: string | null;
  scopes: ClientScopeName[];
  /** Administration API permissions; empty for a cluster client. */
  adminPermissions: AdminPermissionName[];
  secrets: CachedSecret[];
  /** The cluster's IP allowlist and the client's own (address-allowlist.ts); [] = no limit. */
  clusterIpAllowlist: string[];
  ipAllowlist: string[];
  /**
   * The client's own token lifetime and rate limit (null: the instance's) and
   * its organization's bounds on them, applied where they are used
   * (packages/credentials/src/client-policies.ts). A change of either notifies, like a scope change.
   */
  policy: { tokenTtlSeconds: number | null; tokenRateLimit: number | null; bounds: OrganizationBounds };
}

/** null = no usable client with that ID (unknown, revoked, or its cluster deleted). */
type Entry = { client: CachedClient | null; loadedAt: number };

// Least recently used clients are evicted past this many (memory per client,
// tokens held for reuse included: docs/benchmarks.md). An evicted client is
// simply read again on its next request.
export const CLIENT_CACHE_CAPACITY = 100_000;
// Backstop only: notifications do the real invalidation.
const MAX_AGE_MS = 5 * 60_000;

const LOAD_SQL = `
  SELECT c.id, c.client_id, c.name, c.organization_id, c.cluster_id, cl.region AS cluster_region,
         cl.grpc_address AS cluster_grpc_address, cl.rest_address AS cluster_rest_address, c.scopes::text[] AS scopes,
         c.admin_permissions::text[] AS admin_permissions, s.id AS secret_id, s.secret_hash, s.expires_at,
         cl.ip_allowlist AS cluster_ip_allowlist, c.ip_allowlist,
         c.token_ttl_seconds, c.token_rate_limit, o.min_token_ttl_seconds, o.max_token_ttl_seconds, o.max_client_rate_limit
    FROM api_clients c
    JOIN organizations o ON o.id = c.organization_id
    LEFT JOIN clusters cl ON cl.id = c.cluster_id
    LEFT JOIN client_secrets s ON s.api_client_id = c.id AND s.revoked_at IS NULL
   WHERE c.client_id = $1 AND c.revoked_at IS NULL
     AND (c.cluster_id IS NULL OR cl.deleted_at IS NULL)`;

interface Row {
  id: string;
  client_id: string;
  name: string;
  organization_id: string;
  cluster_id: string | null;
  cluster_region: string | null;
  cluster_grpc_address: string | null;
  cluster_rest_address: string | null;
  scopes: ClientScopeName[];
  admin_permissions: AdminPermissionName[];
  secret_id: string | null;
  secret_hash: Buffer | null;
  expires_at: Date | null;
  cluster_ip_allowlist: unknown;
  ip_allowlist: unknown;
  token_ttl_seconds: number | null;
  token_rate_limit: number | null;
  min_token_ttl_seconds: number | null;
  max_token_ttl_seconds: number | null;
  max_client_rate_limit: number | null;
}

export class ClientCache {
  private readonly entries: LruMap<string, Entry>;
  private loading = new Map<string, Promise<CachedClient | null>>();
  /** Bumped on every invalidation so a load that raced a change is not cached. */
  private generation = 0;
  /** Lookups answered from memory / from the database, since start (metrics). */
  hits = 0;
  misses = 0;

  constructor(
    private readonly pool: pg.Pool,
    private readonly listener: ChangeListener,
    capacity = CLIENT_CACHE_CAPACITY,
  ) {
    this.entries = new LruMap(capacity);
    listener.on("oauth_client_changed", (clientId) => {
      this.generation++;
      if (clientId === "*") this.entries.clear();
      else this.entries.delete(clientId);
    });
    listener.onReset(() => {
      this.generation++;
      this.entries.clear();
    });
  }

  /** Clients held now (at most the capacity). */
  get size(): number {
    return this.entries.size;
  }

  async get(clientId: string): Promise<CachedClient | null> {
    const hit = this.entries.get(clientId);
    if (hit && this.listener.healthy && Date.now() - hit.loadedAt < MAX_AGE_MS) {
      this.hits++;
      return hit.client;
    }
    this.misses++;
    let pending = this.loading.get(clientId);
    if (!pending) {
      pending = this.load(clientId).finally(() => this.loading.delete(clientId));
      this.loading.set(clientId, pending);
    }
    return pending;
  }

  /**
   * Read again from the database, whatever is held. For a presented secret
   * that matched nothing: a client or secret created a moment ago may be
   * newer than this instance's notification of it.
   */
  async refresh(clientId: string): Promise<CachedClient | null> {
    this.misses++;
    return this.load(clientId);
  }

  private async load(clientId: string): Promise<CachedClient | null> {
    const generation = this.generation;
    const { rows } = await this.pool.query<Row>({ name: "oauth-load-client", text: LOAD_SQL, values: [clientId] });
    const first = rows[0];
    const client: CachedClient | null = first
      ? {
          id: first.id,
          clientId: first.client_id,
          name: first.name,
          organizationId: first.organization_id,
          clusterId: first.cluster_id,
          clusterRegion: first.cluster_region,
          clusterGrpcAddress: first.cluster_grpc_address,
          clusterRestAddress: first.cluster_rest_address,
          scopes: first.scopes,
          adminPermissions: first.admin_permissions,
          secrets: rows
            .filter((r) => r.secret_hash !== null)
            .map((r) => ({ id: r.secret_id as string, hash: r.secret_hash as Buffer, expiresAt: r.expires_at ? r.expires_at.getTime() : null })),
          clusterIpAllowlist: allowlistEntries(first.cluster_ip_allowlist),
          ipAllowlist: allowlistEntries(first.ip_allowlist),
          policy: {
            tokenTtlSeconds: first.token_ttl_seconds,
            tokenRateLimit: first.token_rate_limit,
            bounds: {
              minTokenTtlSeconds: first.min_token_ttl_seconds,
              maxTokenTtlSeconds: first.max_token_ttl_seconds,
              maxClientRateLimit: first.max_client_rate_limit,
            },
          },
        }
      : null;
    // Cache only if no change arrived meanwhile and the listener is live.
    if (this.listener.healthy && generation === this.generation) this.entries.set(clientId, { client, loadedAt: Date.now() });
    return client;
  }
}
