// Rules shared by role changes and removals: only owners touch owners, and
// the organization always keeps at least one owner. The owner rows are locked
// so two concurrent demotions cannot both pass the check.
import "server-only";
import type { Tx } from "@/lib/db/client";
import { AppError, forbidden, notFound } from "@/lib/errors";
import type { Principal } from "@/lib/auth/principal";
import type { Role } from "@/lib/generated/prisma/enums";

export async function loadTargetMembership(tx: Tx, actor: Principal, userId: string, newRole: Role | null) {
  const target = await tx.membership.findUnique({
    where: { organizationId_userId: { organizationId: actor.organizationId, userId } },
    select: { id: true, role: true, user: { select: { id: true, email: true, name: true } } },
  });
  if (!target) throw notFound("Member");
  const touchesOwner = target.role === "OWNER" || newRole === "OWNER";
  if (touchesOwner && actor.role !== "OWNER") throw forbidden("Only an owner can grant or take away the owner role.");
  if (target.role === "OWNER" && newRole !== "OWNER") {
    const owners = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM memberships WHERE organization_id = ${actor.organizationId}::uuid AND role = 'OWNER' FOR UPDATE`;
    if (owners.length <= 1) {
      throw new AppError("conflict", "The organization must keep at least one owner. Make someone else an owner first.");
    }
  }
  return target;
}
