// Expiry notices: 14 days before, 3 days before, and on the day a client's
// live secret expires, an email to the organization's owners and admins and
// to the member who created the client, naming the cluster and the client and
// linking to the rotate dialog; and an Activity event (client.secret_expiring,
// client.secret_expired) that webhooks carry. The scan runs as a scheduled job
// on whichever instance takes it; "exactly once" rests on the primary key of
// secret_expiry_notices (secret, days before), inserted in the same
// transaction as the emails and the event, so two instances scanning at the
// same moment send each notice once.
import { config } from "@/lib/config";
import { db } from "@/lib/db/client";
import { CONSOLE_ACTOR, recordEvent } from "@/lib/audit/record-event";
import { queueEmail } from "@/lib/email/queue-email";
import { expiryNoticeEmail } from "@/lib/email/templates";
import { NEWEST_SECRET_FIRST } from "@/lib/api-clients/live-secrets";

export const NOTICE_DAYS = [14, 3, 0] as const;
const DAY = 86_400_000;
const SCAN_LIMIT = 500;

const startOfUtcDay = (d: Date) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));

/** When notice `days` is due for a secret expiring at `expiresAt`: `days` before; the day's notice at the start of that (UTC) day. */
export function noticeDueAt(expiresAt: Date, days: number): Date {
  return days === 0 ? startOfUtcDay(expiresAt) : new Date(expiresAt.getTime() - days * DAY);
}

/** The notices due now, most urgent first. */
export function dueNotices(expiresAt: Date, now: Date): number[] {
  return NOTICE_DAYS.filter((d) => noticeDueAt(expiresAt, d) <= now).sort((a, b) => a - b);
}

/** One scan; returns how many notices it sent. */
export async function scanExpiringSecrets(now: Date = new Date()): Promise<number> {
  const secrets = await db().clientSecret.findMany({
    where: {
      revokedAt: null,
      // Due now, and not expired more than a day ago (an old secret found late gets no notice).
      expiresAt: { lte: new Date(now.getTime() + 14 * DAY), gt: new Date(now.getTime() - DAY) },
      apiClient: { revokedAt: null },
    },
    select: {
      id: true,
      expiresAt: true,
      expiryNotices: { select: { daysBefore: true } },
      apiClient: {
        select: {
          id: true,
          clientId: true,
          name: true,
          organizationId: true,
          clusterId: true,
          createdById: true,
          cluster: { select: { name: true, deletedAt: true } },
          // A secret replaced by a rotation expires at the end of its grace period on purpose: only the newest gets notices.
          secrets: { where: { revokedAt: null }, orderBy: NEWEST_SECRET_FIRST, take: 1, select: { id: true } },
        },
      },
    },
    orderBy: { expiresAt: "asc" },
    take: SCAN_LIMIT,
  });
  let sent = 0;
  for (const s of secrets) {
    const due = dueNotices(s.expiresAt!, now);
    const done = new Set(s.expiryNotices.map((n) => n.daysBefore));
    const urgent = due[0];
    if (urgent === undefined || done.has(urgent) || s.apiClient.cluster?.deletedAt || s.apiClient.secrets[0]?.id !== s.id) continue;
    if (await sendNotice(s.id, s.expiresAt!, due, s.apiClient)) sent++;
  }
  return sent;
}

async function sendNotice(
  secretId: string,
  expiresAt: Date,
  due: number[],
  client: { id: string; clientId: string; name: string; organizationId: string; clusterId: string | null; createdById: string | null; cluster: { name: string } | null },
): Promise<boolean> {
  const urgent = due[0]!;
  const cfg = config();
  return db().$transaction(async (tx) => {
    // The claim: the most urgent notice, and any less urgent one not sent (a secret made with 2 days left gets one notice).
    const claimed = await tx.$queryRaw<{ days_before: number }[]>`
      INSERT INTO secret_expiry_notices (secret_id, days_before)
      SELECT ${secretId}::uuid, d FROM unnest(${due}::int[]) AS d
      ON CONFLICT DO NOTHING
      RETURNING days_before`;
    if (!claimed.some((c) => c.days_before === urgent)) return false;
    const org = await tx.organization.findUniqueOrThrow({ where: { id: client.organizationId }, select: { name: true } });
    const recipients = await tx.membership.findMany({
      where: {
        organizationId: client.organizationId,
        OR: [{ role: { in: ["OWNER", "ADMIN"] } }, ...(client.createdById ? [{ userId: client.createdById }] : [])],
      },
      select: { user: { select: { email: true } } },
      take: 200,
    });
    const rotateUrl = client.clusterId
      ? `${cfg.PUBLIC_URL}/clusters/${client.clusterId}/api/${encodeURIComponent(client.clientId)}?rotate=1`
      : `${cfg.PUBLIC_URL}/organization/administration-api?rotate=${encodeURIComponent(client.clientId)}`;
    const content = expiryNoticeEmail({ org: org.name, client: client.name, cluster: client.cluster?.name ?? null, daysBefore: urgent, expiresAt, rotateUrl });
    for (const to of new Set(recipients.map((r) => r.user.email))) {
      await queueEmail(tx, { organizationId: client.organizationId, kind: "secret_expiry", to, content });
    }
    await recordEvent(tx, {
      organizationId: client.organizationId,
      clusterId: client.clusterId,
      actor: CONSOLE_ACTOR,
      action: `${client.clusterId ? "client" : "admin_client"}.${urgent === 0 ? "secret_expired" : "secret_expiring"}`,
      target: { type: client.clusterId ? "api_client" : "admin_client", id: client.clientId, name: client.name },
      metadata: { daysBefore: urgent, expiresAt: expiresAt.toISOString() },
    });
    return true;
  });
}
