import "server-only";
import { db } from "@/lib/db/client";
import { recordEvent } from "@/lib/audit/record-event";
import { loadTargetMembership } from "@/lib/members/owner-guard";
import type { Principal } from "@/lib/auth/principal";
import type { Role } from "@/lib/generated/prisma/enums";

export async function changeMemberRole(actor: Principal, input: { userId: string; role: Role }) {
  return db().$transaction(async (tx) => {
    const target = await loadTargetMembership(tx, actor, input.userId, input.role);
    if (target.role === input.role) return { changed: false };
    await tx.membership.update({ where: { id: target.id }, data: { role: input.role } });
    await recordEvent(tx, {
      organizationId: actor.organizationId,
      actor: actor,
      action: "member.role_changed",
      target: { type: "user", id: target.user.id, name: target.user.email },
      metadata: { from: target.role, to: input.role },
    });
    return { changed: true };
  });
}
