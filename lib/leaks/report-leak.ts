// What happens when a client secret is reported as leaked, by a secret
// scanner (report-endpoint.ts), a member who pasted it in the console, or an
// Administration API client. The secret is looked up by its digest only; if
// it is a live secret (not revoked, not expired, of a live client), the
// organization's policy applies in one transaction with the record of it:
//   REVOKE (the default): the secret stops working now, on every instance
//     (revoking a secret notifies every client cache, like a rotation);
//   ALERT: the secret keeps working.
// Either way a leak row (where it was found, who reported it) and an Activity
// event (client.secret_leaked / admin_client.secret_leaked) are written, and
// the client's page shows a "leaked" banner until a newer secret is issued.
//
// Notification: owners and admins are told through the Activity event this
// writes. Email and webhooks (issue #29) hook in where `notifyLeak` is
// called below: they should deliver the event's organization, client,
// `url` and whether the secret was revoked.
import "server-only";
import { db } from "@/lib/db/client";
import { recordEvent } from "@/lib/audit/record-event";
import type { Actor } from "@/lib/auth/principal";
import type { Principal } from "@/lib/auth/principal";
import { hashSecret, isWellFormedSecret } from "@cluster-console/credentials/secrets";
import { clientAudit } from "@/lib/api-clients/client-audit";

export interface LeakFinding {
  secret: string;
  /** Where it was found (a URL), if the reporter said. */
  url?: string | null;
  /** The scanner's kind of place ("content", "commit", "gist", ...), if it said. */
  source?: string | null;
}

export type LeakReporter = { kind: "scanner"; name: string } | { kind: "member" | "admin_api"; principal: Principal };

export type LeakVerdict =
  | { live: false }
  | { live: true; revoked: boolean; clientId: string; clientName: string; clusterId: string | null; organizationId: string };

const MAX_URL = 2_000;
const MAX_SOURCE = 100;

interface Found {
  secret_id: string;
  hint: string;
  client_row_id: string;
  client_id: string;
  client_name: string;
  cluster_id: string | null;
  organization_id: string;
}

/**
 * Applies the organization's leak policy to `finding.secret` if it is a live
 * secret; `organizationId` restricts the search to one organization (a member
 * or an API client reports only their own organization's secrets, and learns
 * nothing about others').
 */
export async function reportLeak(finding: LeakFinding, reporter: LeakReporter, organizationId?: string): Promise<LeakVerdict> {
  if (!isWellFormedSecret(finding.secret)) return { live: false };
  const digest = hashSecret(finding.secret);
  const verdict = await db().$transaction(async (tx) => {
    const candidates = await tx.$queryRaw<Found[]>`
      SELECT s.id AS secret_id, s.hint, c.id AS client_row_id, c.client_id, c.name AS client_name, c.cluster_id, c.organization_id
        FROM client_secrets s
        JOIN api_clients c ON c.id = s.api_client_id
        LEFT JOIN clusters cl ON cl.id = c.cluster_id
       WHERE s.secret_hash = ${digest}
         AND s.revoked_at IS NULL AND (s.expires_at IS NULL OR s.expires_at > clock_timestamp())
         AND c.revoked_at IS NULL AND (c.cluster_id IS NULL OR cl.deleted_at IS NULL)`;
    const found = candidates[0];
    if (!found || (organizationId !== undefined && found.organization_id !== organizationId)) return { live: false } as const;
    // The client's row first, as rotation and revocation lock it: then the
    // secret is read again under that lock, so a rotation that ended it meanwhile is seen.
    await tx.$queryRaw`SELECT 1 FROM api_clients WHERE id = ${found.client_row_id}::uuid AND revoked_at IS NULL FOR UPDATE`;
    const still = await tx.$queryRaw<{ live: boolean; now: Date; leak_policy: "REVOKE" | "ALERT" }[]>`
      SELECT (s.revoked_at IS NULL AND (s.expires_at IS NULL OR s.expires_at > clock_timestamp()) AND c.revoked_at IS NULL) AS live,
             clock_timestamp() AS now, o.leak_policy::text AS leak_policy
        FROM client_secrets s JOIN api_clients c ON c.id = s.api_client_id JOIN organizations o ON o.id = c.organization_id
       WHERE s.id = ${found.secret_id}::uuid`;
    const row = still[0];
    if (!row?.live) return { live: false } as const;
    const revoke = row.leak_policy === "REVOKE";
    if (revoke) await tx.clientSecret.update({ where: { id: found.secret_id }, data: { revokedAt: row.now }, select: { id: true } });
    const url = finding.url ? finding.url.slice(0, MAX_URL) : null;
    const source = finding.source ? finding.source.slice(0, MAX_SOURCE) : null;
    const actor: Actor =
      reporter.kind === "scanner" ? { userId: null, email: "secret-scanning", name: reporter.name } : reporter.principal;
    const reportedBy = reporter.kind === "scanner" ? reporter.name : reporter.principal.name || reporter.principal.email;
    await tx.clientSecretLeak.create({
      data: {
        organizationId: found.organization_id,
        apiClientId: found.client_row_id,
        clientSecretId: found.secret_id,
        secretHint: found.hint,
        foundUrl: url,
        foundSource: source,
        reporterKind: reporter.kind,
        reportedBy,
        revoked: revoke,
      },
      select: { id: true },
    });
    const client = { clientId: found.client_id, name: found.client_name, clusterId: found.cluster_id };
    const { target } = clientAudit(client, "revoked");
    await recordEvent(tx, {
      organizationId: found.organization_id,
      clusterId: found.cluster_id,
      actor,
      action: found.cluster_id === null ? "admin_client.secret_leaked" : "client.secret_leaked",
      target,
      metadata: { clientId: found.client_id, secretHint: found.hint, url, source, reporter: reporter.kind, revoked: revoke },
    });
    return {
      live: true,
      revoked: revoke,
      clientId: found.client_id,
      clientName: found.client_name,
      clusterId: found.cluster_id,
      organizationId: found.organization_id,
    } as const;
  });
  if (verdict.live) notifyLeak(verdict);
  return verdict;
}

/** The hook for email and webhook notifications (issue #29); the Activity event is already recorded. */
function notifyLeak(_verdict: Extract<LeakVerdict, { live: true }>): void {}

export interface OpenLeak {
  secretHint: string;
  foundUrl: string | null;
  reportedBy: string;
  revoked: boolean;
  createdAt: Date;
  /** Whether the leaked secret still works now (alert-only policy, or not yet rotated). */
  stillWorks: boolean;
}

/**
 * The leaks the client's page shows a banner for: those reported after its
 * newest secret was issued (rotating issues a newer one and so ends the
 * banner), newest first, at most 5.
 */
export async function openLeaks(apiClientRowId: string, now = new Date()): Promise<OpenLeak[]> {
  const newest = await db().clientSecret.findFirst({ where: { apiClientId: apiClientRowId }, orderBy: { createdAt: "desc" }, select: { createdAt: true } });
  const leaks = await db().clientSecretLeak.findMany({
    where: { apiClientId: apiClientRowId, ...(newest ? { createdAt: { gte: newest.createdAt } } : {}) },
    orderBy: { createdAt: "desc" },
    take: 5,
    select: { secretHint: true, foundUrl: true, reportedBy: true, revoked: true, createdAt: true, clientSecret: { select: { revokedAt: true, expiresAt: true } } },
  });
  return leaks.map((l) => ({
    secretHint: l.secretHint,
    foundUrl: l.foundUrl,
    reportedBy: l.reportedBy,
    revoked: l.revoked,
    createdAt: l.createdAt,
    stillWorks: l.clientSecret.revokedAt === null && (l.clientSecret.expiresAt === null || l.clientSecret.expiresAt > now),
  }));
}
