// A change to a person's own account is recorded in each of their
// organizations: every one shows their name and email.
import type { Tx } from "@/lib/db/client";
import { type AuditAction, type AuditInput, recordEvent } from "@/lib/audit/record-event";
import type { Actor } from "@/lib/auth/principal";

/** Records the event in each organization of `user`; the names of those organizations. */
export async function recordAccountEvent(
  tx: Tx,
  actor: Actor,
  user: { id: string; email: string },
  action: Extract<AuditAction, `account.${string}`>,
  metadata?: AuditInput["metadata"],
): Promise<string[]> {
  const memberships = await tx.membership.findMany({
    where: { userId: user.id },
    select: { organizationId: true, organization: { select: { name: true } } },
  });
  for (const { organizationId } of memberships) {
    await recordEvent(tx, { organizationId, actor, action, target: { type: "user", id: user.id, name: user.email }, metadata });
  }
  return memberships.map((m) => m.organization.name);
}
