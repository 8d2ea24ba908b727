// Emails that failed for good, for the owners on the Organization page: whom
// they were for, why, and for an invitation or reset whose link still works,
// the link to pass on another way.
import "server-only";
import { db } from "@/lib/db/client";
import { unseal } from "@/lib/crypto/seal";
import { hashLinkToken, linkState, type LinkKind } from "@/lib/one-time-links/links";

export interface FailedEmail {
  id: string;
  kind: string;
  to: string;
  subject: string;
  reason: string | null;
  failedAt: Date | null;
  /** The one-time link, while it is still open. */
  link: string | null;
}

const SHOWN = 20;
const LINK_KIND: Record<string, LinkKind> = { invitation: "invitation", password_reset: "password_reset" };

export async function failedEmails(organizationId: string, now = new Date()): Promise<FailedEmail[]> {
  const rows = await db().emailMessage.findMany({
    where: { organizationId, status: "failed", failedAt: { gt: new Date(now.getTime() - 14 * 86_400_000) } },
    orderBy: { failedAt: "desc" },
    take: SHOWN,
  });
  return Promise.all(
    rows.map(async (r) => {
      let link: string | null = null;
      const kind = LINK_KIND[r.kind];
      if (r.linkSealed && kind) {
        const url = unseal("email-link", r.id, r.linkSealed);
        const token = url.slice(url.lastIndexOf("/") + 1);
        const state = await linkState(db(), kind, hashLinkToken(token), now);
        if (state?.state === "open") link = url;
      }
      return { id: r.id, kind: r.kind, to: r.toAddress, subject: r.subject, reason: r.lastError, failedAt: r.failedAt, link };
    }),
  );
}
