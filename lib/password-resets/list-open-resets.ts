// The organization's open (unused, unwithdrawn, unexpired) password-reset
// links, for its owners: for whom, who issued it, when it expires. Newest
// first; at most one per account is open (a new link replaces the old one),
// so the list is as long as the members list at most; it is bounded anyway.
import "server-only";
import { db } from "@/lib/db/client";

export const OPEN_RESET_LIST_LIMIT = 500;

export async function listOpenPasswordResets(organizationId: string, now = new Date()) {
  const rows = await db().passwordReset.findMany({
    where: { organizationId, usedAt: null, revokedAt: null, expiresAt: { gt: now } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: OPEN_RESET_LIST_LIMIT,
    select: { id: true, issuedByEmail: true, createdAt: true, expiresAt: true, user: { select: { email: true, name: true } } },
  });
  return rows.map((r) => ({ id: r.id, forEmail: r.user.email, forName: r.user.name, issuedByEmail: r.issuedByEmail, createdAt: r.createdAt, expiresAt: r.expiresAt }));
}

export type OpenPasswordReset = Awaited<ReturnType<typeof listOpenPasswordResets>>[number];
