// One page of a cluster's API clients: searched, filtered, sorted, and paged
// by keyset (the last row's sort value and ID), never by OFFSET, so the last
// page of 100,000 clients costs what the first does. Each sort order has its
// own index ending in the primary key (migration 20261128040000); search by
// name or client ID is served by a trigram index.
import "server-only";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ClientScopeName } from "@cluster-console/credentials";
import { DEFAULT_CLIENT_LIST_QUERY, type ClientListQuery, type ClientSortKey } from "@/lib/api-clients/list-query";

export const CLIENT_PAGE_SIZE = 20;
/**
 * Matches are counted up to this many: past it the list says "more than
 * 10,000", so the count costs the same for 20,000 clients as for 10 million.
 */
export const CLIENT_COUNT_CAP = 10_000;
/** A secret this close to its expiry makes the client "expiring". */
export const EXPIRY_WARNING_MS = 14 * 24 * 60 * 60 * 1000;

export type ClientStatus = "active" | "rotating" | "expiring" | "expired" | "revoked";

/** What every list of clients shows about one, cluster or Administration API client. Never a secret or its hash. */
export interface ClientSummary {
  clientId: string;
  name: string;
  createdByEmail: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  revokedByEmail: string | null;
  status: ClientStatus;
  /** Last four characters of the newest live secret. */
  secretHint: string | null;
  /** During a rotation: when the previous secret stops working. */
  previousSecretExpiresAt: Date | null;
}

/** What the list shows about a client. */
export interface ApiClientView extends ClientSummary {
  description: string;
  scopes: ClientScopeName[];
  /** When the newest live secret stops working (null: never). */
  secretExpiresAt: Date | null;
  /** The client's own token lifetime (seconds) and rate limit; null: the instance's. */
  tokenTtlSeconds: number | null;
  tokenRateLimit: number | null;
}

export interface ApiClientPage {
  clients: ApiClientView[];
  /** Clients matching the search and filters, on all pages, up to CLIENT_COUNT_CAP. */
  total: number;
  /** True when more than CLIENT_COUNT_CAP match (total is then the cap). */
  totalCapped: boolean;
  pageSize: number;
  /**
   * Matches before this page's first row (0 on the first page), up to
   * CLIENT_COUNT_CAP; null when more precede it. Pages line up on multiples
   * of pageSize in both directions: the last page holds what is left.
   */
  offset: number | null;
  isFirst: boolean;
  isLast: boolean;
  /** Cursors for the neighbouring pages (null at either end). */
  nextCursor: string | null;
  prevCursor: string | null;
}

const SORT_EXPR: Record<ClientSortKey, Prisma.Sql> = {
  created: Prisma.sql`c.created_at`,
  name: Prisma.sql`lower(c.name)`,
  last_used: Prisma.sql`COALESCE(c.last_used_at, '-infinity'::timestamptz)`,
};

// Cursor = base64url(JSON [sort value, row id]); the value's type follows the sort.
function encodeCursor(value: string, id: string): string {
  return Buffer.from(JSON.stringify([value, id])).toString("base64url");
}

function decodeCursor(sort: ClientSortKey, cursor: string): Prisma.Sql | null {
  try {
    const v: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (!Array.isArray(v) || v.length !== 2 || typeof v[0] !== "string" || typeof v[1] !== "string") return null;
    const [value, id] = v as [string, string];
    if (!/^[0-9a-f-]{36}$/i.test(id) || value.length > 400) return null;
    if (sort === "name") return Prisma.sql`(${value}::text, ${id}::uuid)`;
    const iso = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
    if (value !== "-infinity" && (!iso.test(value) || Number.isNaN(Date.parse(value)))) return null;
    return Prisma.sql`(${value}::timestamptz, ${id}::uuid)`;
  } catch {
    return null;
  }
}

const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

interface Row {
  id: string;
  client_id: string;
  name: string;
  description: string;
  scopes: ClientScopeName[];
  created_by_email: string;
  created_at: Date;
  last_used_at: Date | null;
  revoked_at: Date | null;
  revoked_by_email: string | null;
  token_ttl_seconds: number | null;
  token_rate_limit: number | null;
  name_key: string;
  live_count: number;
  current_hint: string | null;
  current_expires_at: Date | null;
  previous_expires_at: Date | null;
}

export async function listClients(
  organizationId: string,
  clusterId: string,
  opts: { query?: Partial<ClientListQuery>; pageSize?: number; now?: Date } = {},
): Promise<ApiClientPage> {
  const query = { ...DEFAULT_CLIENT_LIST_QUERY, ...opts.query };
  const pageSize = opts.pageSize ?? CLIENT_PAGE_SIZE;
  const now = opts.now ?? new Date();
  const soon = new Date(now.getTime() + EXPIRY_WARNING_MS);

  const { filters, from } = matching(organizationId, clusterId, query, now, soon);

  // Walking backwards (previous page, last page) reads the index the other
  // way round and flips the rows afterwards. A cursor that does not parse
  // is ignored: the first page.
  const cursor = query.last ? null : (query.after ?? query.before);
  const keyset = cursor ? decodeCursor(query.sort, cursor) : null;
  const forwardFrom = keyset && query.after ? keyset : null;
  const backFrom = keyset && !query.after ? keyset : null;
  const backwards = query.last || backFrom !== null;
  const ascending = (query.dir === "asc") !== backwards;
  const key = SORT_EXPR[query.sort];
  const from_ = forwardFrom ?? backFrom;
  const pageFilters = from_
    ? [...filters, ascending ? Prisma.sql`(${key}, c.id) > ${from_}` : Prisma.sql`(${key}, c.id) < ${from_}`]
    : filters;
  const order = ascending ? Prisma.sql`ASC` : Prisma.sql`DESC`;

  const [rows, counted] = await Promise.all([
    db().$queryRaw<Row[]>`
      WITH page AS (
        SELECT c.id, c.client_id, c.name, c.description, c.scopes::text[] AS scopes, c.created_by_email, c.created_at,
               c.last_used_at, c.revoked_at, c.revoked_by_email, c.token_ttl_seconds, c.token_rate_limit, lower(c.name) AS name_key, ${key} AS sort_key
          ${from}
         WHERE ${Prisma.join(pageFilters, " AND ")}
         ORDER BY ${key} ${order}, c.id ${order}
         LIMIT ${pageSize + 1})
      SELECT page.*, cur.live_count, cur.hints[1] AS current_hint, cur.ends[1] AS current_expires_at, cur.ends[2] AS previous_expires_at
        FROM page
        CROSS JOIN LATERAL (
          SELECT count(*)::int AS live_count,
                 array_agg(s.hint ORDER BY s.created_at DESC, s.id DESC) AS hints,
                 array_agg(s.expires_at ORDER BY s.created_at DESC, s.id DESC) AS ends
            FROM client_secrets s
           WHERE s.api_client_id = page.id AND s.revoked_at IS NULL AND (s.expires_at IS NULL OR s.expires_at > ${now})) cur
       ORDER BY page.sort_key ${order}, page.id ${order}`,
    db().$queryRaw<{ total: number }[]>`
      SELECT count(*)::int AS total FROM (SELECT 1 ${from} WHERE ${Prisma.join(filters, " AND ")} LIMIT ${CLIENT_COUNT_CAP + 1}) matches`,
  ]);

  const counted_ = counted[0]?.total ?? 0;
  const total = Math.min(counted_, CLIENT_COUNT_CAP);
  const totalCapped = counted_ > CLIENT_COUNT_CAP;
  // The last page holds what is left after whole pages (when the count is
  // exact), so walking back from it meets the first page's boundaries.
  const size = query.last && !totalCapped && total > 0 ? ((total - 1) % pageSize) + 1 : pageSize;
  const more = rows.length > size;
  const pageRows = rows.slice(0, size);
  if (backwards) pageRows.reverse();
  // Forwards: more rows means a next page. Backwards: more rows means a
  // previous page, and a next page exists unless this is the last one.
  const isFirst = backwards ? !more : !forwardFrom;
  const isLast = backwards ? query.last : !more;
  const cursorOf = (r: Row | undefined) => (r ? rowCursor(query.sort, r) : null);
  const offset = isFirst
    ? 0
    : query.last && !totalCapped
      ? total - pageRows.length
      : pageRows[0]
        ? await countBefore(Prisma.sql`${from} WHERE ${Prisma.join(filters, " AND ")}`, key, query.dir === "asc", decodeCursor(query.sort, cursorOf(pageRows[0])!)!)
        : total;

  return {
    clients: pageRows.map((r) => toView(r, soon)),
    total,
    totalCapped,
    pageSize,
    offset,
    isFirst,
    isLast,
    nextCursor: isLast ? null : cursorOf(pageRows[pageRows.length - 1]),
    prevCursor: isFirst ? null : cursorOf(pageRows[0]),
  };
}

/**
 * What the search and filters match, tenancy first: the conditions on `c`
 * (api_clients), and the FROM clause, which joins each client's live
 * secrets (how many, and the soonest expiry) only when a status filter
 * needs them.
 */
function matching(organizationId: string, clusterId: string, query: ClientListQuery, now: Date, soon: Date): { filters: Prisma.Sql[]; from: Prisma.Sql } {
  const liveJoin = Prisma.sql`CROSS JOIN LATERAL (
      SELECT count(*)::int AS n, min(s.expires_at) AS ends
        FROM client_secrets s
       WHERE s.api_client_id = c.id AND s.revoked_at IS NULL AND (s.expires_at IS NULL OR s.expires_at > ${now})) live`;
  const statusWhere: Record<ClientListQuery["status"], Prisma.Sql | null> = {
    live: Prisma.sql`c.revoked_at IS NULL`,
    all: null,
    revoked: Prisma.sql`c.revoked_at IS NOT NULL`,
    rotating: Prisma.sql`c.revoked_at IS NULL AND live.n > 1`,
    expiring: Prisma.sql`c.revoked_at IS NULL AND (live.n = 0 OR (live.n = 1 AND live.ends <= ${soon}))`,
    active: Prisma.sql`c.revoked_at IS NULL AND live.n = 1 AND (live.ends IS NULL OR live.ends > ${soon})`,
  };
  const needsLive = ["rotating", "expiring", "active"].includes(query.status);

  // Tenancy first: another organization's cluster lists nothing.
  const filters: Prisma.Sql[] = [Prisma.sql`c.organization_id = ${organizationId}::uuid`, Prisma.sql`c.cluster_id = ${clusterId}::uuid`];
  const status = statusWhere[query.status];
  if (status) filters.push(status);
  if (query.scope) filters.push(Prisma.sql`${query.scope}::"ClientScope" = ANY(c.scopes)`);
  if (query.q) {
    const like = likePattern(query.q);
    filters.push(Prisma.sql`(c.name ILIKE ${like} OR c.client_id ILIKE ${like})`);
  }
  return { filters, from: Prisma.sql`FROM api_clients c ${needsLive ? liveJoin : Prisma.empty}` };
}

/** The cursor of a row in the list's order: its sort value and ID. */
function rowCursor(sort: ClientSortKey, r: Row): string {
  const value = sort === "name" ? r.name_key : sort === "created" ? r.created_at.toISOString() : (r.last_used_at?.toISOString() ?? "-infinity");
  return encodeCursor(value, r.id);
}

/** Matches before `first` in display order, up to the cap (null past it). */
async function countBefore(matches: Prisma.Sql, key: Prisma.Sql, ascending: boolean, first: Prisma.Sql): Promise<number | null> {
  const before = ascending ? Prisma.sql`(${key}, c.id) < ${first}` : Prisma.sql`(${key}, c.id) > ${first}`;
  const [row] = await db().$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM (SELECT 1 ${matches} AND ${before} LIMIT ${CLIENT_COUNT_CAP + 1}) preceding`;
  const n = row?.n ?? 0;
  return n > CLIENT_COUNT_CAP ? null : n;
}

/** A client's status from its live secrets (newest first): the list's rule, also used by the client's page. */
export function clientStatus(revoked: boolean, liveCount: number, currentExpiresAt: Date | null, soon: Date): ClientStatus {
  return revoked
    ? "revoked"
    : liveCount > 1
      ? "rotating"
      : liveCount === 0
        ? "expired"
        : currentExpiresAt && currentExpiresAt <= soon
          ? "expiring"
          : "active";
}

function toView(r: Row, soon: Date): ApiClientView {
  const revoked = r.revoked_at !== null;
  const status = clientStatus(revoked, r.live_count, r.current_expires_at, soon);
  return {
    clientId: r.client_id,
    name: r.name,
    description: r.description,
    scopes: r.scopes,
    createdByEmail: r.created_by_email,
    createdAt: r.created_at,
    lastUsedAt: r.last_used_at,
    revokedAt: r.revoked_at,
    revokedByEmail: r.revoked_by_email,
    status,
    secretHint: revoked ? null : r.current_hint,
    secretExpiresAt: revoked ? null : r.current_expires_at,
    previousSecretExpiresAt: !revoked && r.live_count > 1 ? r.previous_expires_at : null,
    tokenTtlSeconds: r.token_ttl_seconds,
    tokenRateLimit: r.token_rate_limit,
  };
}
