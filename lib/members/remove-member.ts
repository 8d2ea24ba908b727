import "server-only";
import { db } from "@/lib/db/client";
import { recordEvent } from "@/lib/audit/record-event";
import { loadTargetMembership } from "@/lib/members/owner-guard";
import type { Principal } from "@/lib/auth/principal";

export async function removeMember(actor: Principal, input: { userId: string }) {
  return db().$transaction(async (tx) => {
    const target = await loadTargetMembership(tx, actor, input.userId, null);
    await tx.membership.delete({ where: { id: target.id } });
    // An account belongs to its organization; without one it cannot sign in.
    const remaining = await tx.membership.count({ where: { userId: target.user.id } });
    if (remaining === 0) await tx.user.delete({ where: { id: target.user.id } });
    await recordEvent(tx, {
      organizationId: actor.organizationId,
      actor: actor,
      action: "member.removed",
      target: { type: "user", id: target.user.id, name: target.user.email },
      metadata: { role: target.role },
    });
  });
}
