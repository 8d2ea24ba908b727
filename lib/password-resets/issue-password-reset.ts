// Owners and admins issue a password-reset link for a member: shown once,
// single use, valid 24 hours, audited. A new link replaces the member's open
// one. The password belongs to the account, which may also belong to other
// organizations: resetting it there would hand this organization's admins
// the other organizations' access, so a link is issued only for an account
// that belongs to this organization alone (checked again when it is used).
import "server-only";
import { AppError, forbidden, notFound } from "@/lib/errors";
import { recordEvent } from "@/lib/audit/record-event";
import { issueOneTimeLink } from "@/lib/one-time-links/links";
import type { Principal } from "@/lib/auth/principal";
import { mayManageMemberWithRole } from "@/lib/auth/roles";
import { emailDelivered, queueEmail } from "@/lib/email/queue-email";
import { passwordResetEmail } from "@/lib/email/templates";

export interface IssuedPasswordReset {
  name: string;
  email: string;
  /** The link with its token: shown once, stored only as a hash. */
  url: string;
  expiresAt: Date;
  lifetime: string;
  /** An email with the link is on its way (SMTP_URL is set). */
  emailed: boolean;
}

export const otherOrganizations = () =>
  new AppError("conflict", "This person's account also belongs to another organization, so only they can change its password.");

export async function issuePasswordReset(actor: Principal, input: { userId: string }, now = new Date()): Promise<IssuedPasswordReset> {
  // One's own password is changed with the current one (Account), never through a link made for oneself.
  if (input.userId === actor.userId) throw new AppError("conflict", "Change your own password on your Account page.");
  let emailId: string | null = null;
  const { subject: target, url, expiresAt, lifetime } = await issueOneTimeLink("password_reset", now, {
    check: async (tx) => {
      const target = await tx.membership.findUnique({
        where: { organizationId_userId: { organizationId: actor.organizationId, userId: input.userId } },
        select: { role: true, user: { select: { id: true, email: true, name: true } } },
      });
      if (!target) throw notFound("Member");
      // The same rule again when the link is used (reset-password.ts), with the roles as they are then.
      if (!mayManageMemberWithRole(actor.role, target.role)) {
        throw forbidden(target.role === "OWNER" ? "Only an owner can issue a password-reset link for an owner." : "You do not have permission to do this.");
      }
      const elsewhere = await tx.membership.count({ where: { userId: input.userId, organizationId: { not: actor.organizationId } } });
      if (elsewhere > 0) throw otherOrganizations();
      return target;
    },
    revokeOpen: (tx) =>
      tx.passwordReset.updateMany({
        where: { userId: input.userId, usedAt: null, revokedAt: null },
        data: { revokedAt: now },
      }),
    store: (tx, row) =>
      tx.passwordReset.create({
        data: { organizationId: actor.organizationId, userId: input.userId, issuedById: actor.userId, issuedByEmail: actor.email, ...row },
        select: { id: true },
      }),
    audit: async (tx, { subject, id, expiresAt, url, lifetime }) => {
      await recordEvent(tx, {
        organizationId: actor.organizationId,
        actor,
        action: "password_reset.created",
        target: { type: "user", id: subject.user.id, name: subject.user.email },
        metadata: { resetId: id, expiresAt: expiresAt.toISOString() },
      });
      const org = await tx.organization.findUniqueOrThrow({ where: { id: actor.organizationId }, select: { name: true } });
      const content = passwordResetEmail({ org: org.name, issuer: actor.name || actor.email, name: subject.user.name, lifetime });
      emailId = await queueEmail(tx, { organizationId: actor.organizationId, kind: "password_reset", to: subject.user.email, content, link: url });
    },
  });
  return { name: target.user.name, email: target.user.email, url, expiresAt, lifetime, emailed: emailId !== null && emailDelivered() };
}
