// The organization's open invitations (neither accepted nor withdrawn),
// newest first; expired ones too, so they can be withdrawn or replaced.
import "server-only";
import { db } from "@/lib/db/client";

export async function listInvitations(organizationId: string, now = new Date()) {
  const rows = await db().invitation.findMany({
    where: { organizationId, usedAt: null, revokedAt: null },
    orderBy: { createdAt: "desc" },
    select: { id: true, email: true, role: true, invitedByEmail: true, createdAt: true, expiresAt: true },
  });
  return rows.map((r) => ({ ...r, expired: r.expiresAt <= now }));
}

export type InvitationView = Awaited<ReturnType<typeof listInvitations>>[number];
