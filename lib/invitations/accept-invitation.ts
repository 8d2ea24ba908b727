// Accepting an invitation link (/invite/<token>): a person without an account
// creates one (name, password) and joins; a person with an account joins
// with it, once signed in, and only if the invitation's email is theirs. The
// link is used up inside the same transaction as the membership it creates,
// so a refusal later in the transaction leaves it usable.
//
// The invitation carries its inviter's right, checked again when it is
// accepted (lib/one-time-links/link-authority.ts): the inviter must still be
// a member who may invite to that role. An admin who was demoted or removed
// cannot rejoin, or bring anyone in, with an invitation made before.
import "server-only";
import { db, type Tx } from "@/lib/db/client";
import { AppError, fieldError, forbidden } from "@/lib/errors";
import { recordEvent } from "@/lib/audit/record-event";
import { hashPassword } from "@/lib/auth/password";
import { findOpenLink, type LinkState, LINK_STATE_MESSAGES, linkError, redeemLink } from "@/lib/one-time-links/links";
import { issuerMayStill } from "@/lib/one-time-links/link-authority";
import type { Role } from "@/lib/generated/prisma/enums";

export type InvitationView =
  | { state: "open"; email: string; role: Role; organizationName: string; expiresAt: Date }
  | { state: Exclude<LinkState, "open">; message: string };

/** What the invitation page shows for a token: the invitation, or why it cannot be used. */
export async function describeInvitation(token: string, now = new Date()): Promise<InvitationView> {
  const found = await findOpenLink("invitation", token, now);
  if (found.state !== "open") return found;
  const inv = await db().invitation.findUniqueOrThrow({
    where: { id: found.id },
    select: { email: true, role: true, expiresAt: true, organizationId: true, invitedById: true, organization: { select: { name: true } } },
  });
  if (!(await issuerMayStill(db(), inv.organizationId, inv.invitedById, inv.role))) return { state: "revoked", message: LINK_STATE_MESSAGES.revoked };
  return { state: "open", email: inv.email, role: inv.role, organizationName: inv.organization.name, expiresAt: inv.expiresAt };
}

export interface JoinedMember {
  user: { id: string; email: string; name: string; sessionVersion: number };
  organizationId: string;
}

/** Uses the link and adds `userOf(invitation)` to its organization, in one transaction. */
async function join(
  token: string,
  now: Date,
  userOf: (tx: Tx, invitation: { email: string }) => Promise<JoinedMember["user"]>,
): Promise<JoinedMember> {
  return redeemLink("invitation", token, now, async (tx, id) => {
    const invitation = await tx.invitation.findUniqueOrThrow({
      where: { id },
      select: { id: true, email: true, role: true, organizationId: true, invitedById: true },
    });
    if (!(await issuerMayStill(tx, invitation.organizationId, invitation.invitedById, invitation.role))) throw linkError("revoked");
    const user = await userOf(tx, invitation);
    const existing = await tx.membership.findUnique({
      where: { organizationId_userId: { organizationId: invitation.organizationId, userId: user.id } },
      select: { id: true },
    });
    if (existing) throw new AppError("conflict", "You are already a member of this organization.");
    await tx.membership.create({ data: { organizationId: invitation.organizationId, userId: user.id, role: invitation.role } });
    await tx.invitation.update({ where: { id: invitation.id }, data: { usedById: user.id } });
    await recordEvent(tx, {
      organizationId: invitation.organizationId,
      actor: { userId: user.id, email: user.email, name: user.name },
      action: "invitation.accepted",
      target: { type: "user", id: user.id, name: user.email },
      metadata: { role: invitation.role },
    });
    return { user, organizationId: invitation.organizationId };
  });
}

const accountExists = () =>
  fieldError("conflict", {
    password: ["An account with this email already exists. Enter its password under “I already have an account” instead."],
  });

/** A person without an account: creates it with the invitation's email and joins. */
export async function acceptWithNewAccount(input: { token: string; name: string; password: string }, now = new Date()): Promise<JoinedMember> {
  // Refuse a link that cannot be used, or an email that has an account,
  // before paying for the (deliberately slow, 128 MiB) hash; the checks in
  // the transaction below are the ones that decide.
  const view = await describeInvitation(input.token, now);
  if (view.state !== "open") throw linkError(view.state);
  if (await db().user.findUnique({ where: { email: view.email }, select: { id: true } })) throw accountExists();
  const passwordHash = await hashPassword(input.password);
  try {
    return await join(input.token, now, async (tx, invitation) => {
      if (await tx.user.findUnique({ where: { email: invitation.email }, select: { id: true } })) throw accountExists();
      return tx.user.create({
        data: { email: invitation.email, name: input.name, passwordHash },
        select: { id: true, email: true, name: true, sessionVersion: true },
      });
    });
  } catch (err) {
    // Two invitations to one new email accepted at once: the unique email index decides.
    if ((err as { code?: string }).code === "P2002") throw accountExists();
    throw err;
  }
}

/** A signed-in person (or one whose password was just checked) joins with their own account. */
export async function acceptAsUser(userId: string, token: string, now = new Date()): Promise<JoinedMember> {
  return join(token, now, async (tx, invitation) => {
    const user = await tx.user.findUniqueOrThrow({
      where: { id: userId },
      select: { id: true, email: true, name: true, sessionVersion: true },
    });
    if (user.email !== invitation.email) {
      throw forbidden(`This invitation is for ${invitation.email}. Sign in with that account to accept it.`);
    }
    return user;
  });
}
