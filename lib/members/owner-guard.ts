// Rules shared by role changes and removals: only owners touch owners, and
// the organization always keeps at least one owner. The owner rows are locked
// so two concurrent demotions cannot both pass the check.
//
// An Administration API client acts as an admin, but only with the right of
// the member who created it, as that member is now (authority at use): its
// changes to members are checked against its creator's current role, capped
// at Admin. Once the creator is no longer an owner or admin (or no longer a
// member), credentials that were kept can still do everything else they were
// given, but no longer change or remove members: a demoted admin cannot use
// credentials made earlier to promote themselves, or anyone else, back.
import "server-only";
import type { Tx } from "@/lib/db/client";
import { AppError, forbidden, notFound } from "@/lib/errors";
import { can } from "@/lib/auth/roles";
import type { Principal } from "@/lib/auth/principal";
import type { Role } from "@/lib/generated/prisma/enums";

export const CREATOR_CANNOT_MANAGE_MEMBERS =
  "The member who created these credentials can no longer manage members, so neither can the credentials. An owner or admin can create new ones.";

/** The role whose rules apply to the actor now: a member's own; an API client's is its creator's, at most Admin. */
export async function roleNow(tx: Tx, actor: Principal): Promise<Role | null> {
  if (actor.userId !== null || !actor.clientId) return actor.role;
  const client = await tx.apiClient.findFirst({
    where: { clientId: actor.clientId, organizationId: actor.organizationId, clusterId: null },
    select: { createdById: true },
  });
  if (!client?.createdById) return null;
  const creator = await tx.membership.findUnique({
    where: { organizationId_userId: { organizationId: actor.organizationId, userId: client.createdById } },
    select: { role: true },
  });
  if (!creator) return null;
  return creator.role === "OWNER" ? "ADMIN" : creator.role;
}

/**
 * For the Administration API's invitations: the member whose right an API
 * client uses (its creator, as a user ID) when that member may manage members
 * now; a forbidden error otherwise. A member acting for themselves is
 * returned as they are. The invitation then carries the creator as its
 * issuer, so its authority at use (lib/one-time-links/link-authority.ts) is
 * the creator's.
 */
export async function memberManagerNow(tx: Tx, actor: Principal): Promise<{ userId: string | null; role: Role }> {
  if (actor.userId !== null || !actor.clientId) return { userId: actor.userId, role: actor.role };
  const role = await roleNow(tx, actor);
  if (role === null || !can(role, "member:manage")) throw forbidden(CREATOR_CANNOT_MANAGE_MEMBERS);
  const client = await tx.apiClient.findFirst({
    where: { clientId: actor.clientId, organizationId: actor.organizationId, clusterId: null },
    select: { createdById: true },
  });
  return { userId: client?.createdById ?? null, role };
}

export async function loadTargetMembership(tx: Tx, actor: Principal, userId: string, newRole: Role | null) {
  const role = await roleNow(tx, actor);
  if (role === null || !can(role, "member:manage")) {
    throw forbidden(actor.userId === null ? CREATOR_CANNOT_MANAGE_MEMBERS : "You do not have permission to do this.");
  }
  const target = await tx.membership.findUnique({
    where: { organizationId_userId: { organizationId: actor.organizationId, userId } },
    select: { id: true, role: true, user: { select: { id: true, email: true, name: true } } },
  });
  if (!target) throw notFound("Member");
  const touchesOwner = target.role === "OWNER" || newRole === "OWNER";
  if (touchesOwner && role !== "OWNER") throw forbidden("Only an owner can grant or take away the owner role.");
  if (target.role === "OWNER" && newRole !== "OWNER") {
    const owners = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM memberships WHERE organization_id = ${actor.organizationId}::uuid AND role = 'OWNER' FOR UPDATE`;
    if (owners.length <= 1) {
      throw new AppError("conflict", "The organization must keep at least one owner. Make someone else an owner first.");
    }
  }
  return target;
}
