// Invite someone to the organization: an invitation link, shown once. The
// answer is the same whether or not the email already has an account
// anywhere (security review 9.7): no account is looked up here, only this
// organization's own members. A new invitation for the same email replaces
// an open one (the partial unique index keeps at most one open).
import "server-only";
import { AppError, fieldError, forbidden } from "@/lib/errors";
import { recordEvent } from "@/lib/audit/record-event";
import { issueOneTimeLink } from "@/lib/one-time-links/links";
import type { Principal } from "@/lib/auth/principal";
import { mayManageMemberWithRole, ROLE_LABELS } from "@/lib/auth/roles";
import { emailDelivered, queueEmail } from "@/lib/email/queue-email";
import { invitationEmail } from "@/lib/email/templates";
import type { Role } from "@/lib/generated/prisma/enums";
import { memberManagerNow } from "@/lib/members/owner-guard";

export interface CreatedInvitation {
  invitationId: string;
  email: string;
  role: Role;
  /** The link with its token: shown once, stored only as a hash. */
  url: string;
  expiresAt: Date;
  lifetime: string;
  /** An email with the link is on its way (SMTP_URL is set). */
  emailed: boolean;
}

export async function createInvitation(actor: Principal, input: { email: string; role: Role }, now = new Date()): Promise<CreatedInvitation> {
  // The same rule again when the invitation is accepted (accept-invitation.ts), with the inviter's role then.
  if (!mayManageMemberWithRole(actor.role, input.role)) {
    throw forbidden(input.role === "OWNER" ? "Only an owner can invite another owner." : "You do not have permission to do this.");
  }
  // The issuer the invitation carries: the member, or an API client's creator (checked again at use).
  let issuerId = actor.userId;
  let emailId: string | null = null;
  try {
    const { id, url, expiresAt, lifetime } = await issueOneTimeLink("invitation", now, {
      check: async (tx) => {
        const manager = await memberManagerNow(tx, actor);
        if (!mayManageMemberWithRole(manager.role, input.role)) throw forbidden();
        issuerId = manager.userId;
        const member = await tx.membership.findFirst({
          where: { organizationId: actor.organizationId, user: { email: input.email } },
          select: { id: true },
        });
        if (member) throw fieldError("conflict", { email: ["This person is already a member of the organization."] });
      },
      revokeOpen: (tx) =>
        tx.invitation.updateMany({
          where: { organizationId: actor.organizationId, email: input.email, usedAt: null, revokedAt: null },
          data: { revokedAt: now, revokedByEmail: actor.email },
        }),
      store: (tx, row) =>
        tx.invitation.create({
          data: {
            organizationId: actor.organizationId,
            email: input.email,
            role: input.role,
            invitedById: issuerId,
            invitedByEmail: actor.email,
            ...row,
          },
          select: { id: true },
        }),
      audit: async (tx, { id, expiresAt, replaced, url, lifetime }) => {
        await recordEvent(tx, {
          organizationId: actor.organizationId,
          actor,
          action: "invitation.created",
          target: { type: "invitation", id, name: input.email },
          metadata: { role: input.role, expiresAt: expiresAt.toISOString(), replacedOpenInvitation: replaced },
        });
        // Sent after this commits, by the job queue; the link is sealed until then (lib/email/queue-email.ts).
        const org = await tx.organization.findUniqueOrThrow({ where: { id: actor.organizationId }, select: { name: true } });
        const content = invitationEmail({ org: org.name, inviter: actor.name || actor.email, role: ROLE_LABELS[input.role], lifetime });
        emailId = await queueEmail(tx, { organizationId: actor.organizationId, kind: "invitation", to: input.email, content, link: url });
      },
    });
    return { invitationId: id, email: input.email, role: input.role, url, expiresAt, lifetime, emailed: emailId !== null && emailDelivered() };
  } catch (err) {
    // Two invitations for one email at the same moment: the partial unique index lets one through.
    if ((err as { code?: string }).code === "P2002") {
      throw new AppError("conflict", "Another invitation for this email was created at the same moment. Reload the page to see it.");
    }
    throw err;
  }
}
