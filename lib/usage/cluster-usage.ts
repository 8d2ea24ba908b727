// Tokens per hour for a whole cluster over the last 7 days, split by client:
// the five that took the most tokens in that time, and the rest together.
// Aggregated in PostgreSQL, so a cluster with thousands of clients still
// returns at most 6 x 168 rows.
import "server-only";
import { db } from "@/lib/db/client";
import { HOURS, hourIndex, usageWindow } from "./usage-window";

export const TOP_CLIENTS = 5;

export interface UsageSeries {
  /** null for "all other clients". */
  clientId: string | null;
  name: string;
  total: number;
  perHour: number[];
}

export interface ClusterUsage {
  from: string;
  series: UsageSeries[];
  total: number;
}

export async function clusterUsage(organizationId: string, clusterId: string, now = new Date()): Promise<ClusterUsage> {
  const w = usageWindow(now);
  const rows = await db().$queryRaw<{ api_client_id: string | null; hour: Date; tokens: number }[]>`
    WITH u AS (
      SELECT u.api_client_id, u.hour, u.tokens_issued
        FROM api_client_usage u
        JOIN api_clients c ON c.id = u.api_client_id
       WHERE c.organization_id = ${organizationId}::uuid AND c.cluster_id = ${clusterId}::uuid
         AND u.hour >= ${new Date(w.from)} AND u.tokens_issued > 0
    ), top AS (
      SELECT api_client_id FROM u GROUP BY api_client_id ORDER BY sum(tokens_issued) DESC, api_client_id LIMIT ${TOP_CLIENTS}
    )
    SELECT top.api_client_id, u.hour, sum(u.tokens_issued)::int AS tokens
      FROM u LEFT JOIN top ON top.api_client_id = u.api_client_id
     GROUP BY top.api_client_id, u.hour`;
  const topIds = [...new Set(rows.map((r) => r.api_client_id).filter((id): id is string => id !== null))];
  const clients = await db().apiClient.findMany({
    where: { organizationId, clusterId, id: { in: topIds } },
    select: { id: true, clientId: true, name: true },
  });
  const byId = new Map<string | null, UsageSeries>();
  for (const c of clients) byId.set(c.id, { clientId: c.clientId, name: c.name, total: 0, perHour: new Array<number>(HOURS).fill(0) });
  const rest: UsageSeries = { clientId: null, name: "All other clients", total: 0, perHour: new Array<number>(HOURS).fill(0) };
  for (const r of rows) {
    const s = (r.api_client_id && byId.get(r.api_client_id)) || rest;
    const i = hourIndex(w, r.hour);
    if (i < 0) continue;
    s.perHour[i]! += r.tokens;
    s.total += r.tokens;
  }
  const series = [...byId.values()].sort((a, b) => b.total - a.total || a.name.localeCompare(b.name));
  if (rest.total > 0) series.push(rest);
  return { from: new Date(w.from).toISOString(), series, total: series.reduce((n, s) => n + s.total, 0) };
}
