// Usage of the clients shown on one page of the API tab: tokens issued per
// hour over the last 7 days, plus failed authentications and rate-limited
// requests over the same days. Tenancy in the where: organization and cluster.
import "server-only";
import { db } from "@/lib/db/client";
import { HOURS, hourIndex, usageWindow } from "./usage-window";

export interface ClientUsage {
  /** Tokens issued per hour, oldest first; the last entry is the current hour. */
  tokensPerHour: number[];
  tokens: number;
  failedAuth: number;
  rateLimited: number;
  /** Start of the oldest hour (ISO), for labels. */
  from: string;
}

export async function clientUsage(
  organizationId: string,
  clusterId: string,
  clientIds: string[],
  now = new Date(),
): Promise<Record<string, ClientUsage>> {
  const w = usageWindow(now);
  const out: Record<string, ClientUsage> = {};
  for (const id of clientIds) {
    out[id] = { tokensPerHour: new Array<number>(HOURS).fill(0), tokens: 0, failedAuth: 0, rateLimited: 0, from: new Date(w.from).toISOString() };
  }
  if (clientIds.length === 0) return out;
  const rows = await db().apiClientUsage.findMany({
    where: { hour: { gte: new Date(w.from) }, apiClient: { organizationId, clusterId, clientId: { in: clientIds } } },
    select: { hour: true, tokensIssued: true, failedAuth: true, rateLimited: true, apiClient: { select: { clientId: true } } },
  });
  for (const r of rows) {
    const u = out[r.apiClient.clientId];
    const i = hourIndex(w, r.hour);
    if (!u || i < 0) continue;
    u.tokensPerHour[i]! += r.tokensIssued;
    u.tokens += r.tokensIssued;
    u.failedAuth += r.failedAuth;
    u.rateLimited += r.rateLimited;
  }
  return out;
}

/**
 * For a page of charts: only the clients with any usage in the window, and
 * without `from` (a chart draws a client left out as empty). On a page of
 * idle clients, 20 arrays of 168 zeros were 9 KB of the page's payload.
 */
export function activeUsage(usage: Record<string, ClientUsage>): Record<string, Omit<ClientUsage, "from">> {
  const out: Record<string, Omit<ClientUsage, "from">> = {};
  for (const [clientId, { from: _from, ...u }] of Object.entries(usage)) {
    if (u.tokens > 0 || u.failedAuth > 0 || u.rateLimited > 0) out[clientId] = u;
  }
  return out;
}
