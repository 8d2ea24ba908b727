import { z } from "zod";
import { ROLES } from "@/lib/auth/roles";
import { visibleName } from "@/lib/validation/visible-text";
import { clientIdSchema } from "@/lib/api-clients/schemas";

export const emailSchema = z
  .string({ error: "Enter an email address." })
  .trim()
  .toLowerCase()
  .max(254, "Use at most 254 characters.")
  .pipe(z.email({ error: "Enter a valid email address." }));

export const passwordSchema = z
  .string({ error: "Enter a password." })
  .min(12, "Use at least 12 characters.")
  .max(200, "Use at most 200 characters.");

export const MEMBER_NAME_MAX = 100;
export const ORGANIZATION_NAME_MAX = 100;

export const personNameSchema = z
  .string({ error: "Enter a name." })
  .trim()
  .min(1, "Enter a name.")
  .max(MEMBER_NAME_MAX, `Use at most ${MEMBER_NAME_MAX} characters.`)
  .superRefine(visibleName);

export const roleSchema = z.enum(ROLES, { error: "Choose a role." });

export const inviteMemberSchema = z.object({
  email: emailSchema,
  role: roleSchema,
});

export const revokeInvitationSchema = z.object({
  invitationId: z.uuid({ error: "Unknown invitation." }),
});

/** A link's token as posted back by its page's forms; its shape is checked by lib/one-time-links. */
const linkTokenSchema = z.string({ error: "This link is not valid." }).max(200, "This link is not valid.");

export const acceptInvitationSchema = z.object({ token: linkTokenSchema });

export const acceptInvitationWithNewAccountSchema = z.object({
  token: linkTokenSchema,
  name: personNameSchema,
  password: passwordSchema,
});

export const acceptInvitationWithPasswordSchema = z.object({
  token: linkTokenSchema,
  password: z.string({ error: "Enter your password." }).min(1, "Enter your password.").max(200, "Use at most 200 characters."),
});

export const issuePasswordResetSchema = z.object({
  userId: z.uuid({ error: "Unknown member." }),
});

export const revokePasswordResetSchema = z.object({
  resetId: z.uuid({ error: "Unknown reset link." }),
});

export const resetPasswordSchema = z.object({
  token: linkTokenSchema,
  password: passwordSchema,
});

export const switchOrganizationSchema = z.object({
  organizationId: z.uuid({ error: "Unknown organization." }),
});

/**
 * The member's Administration API credentials to revoke with a role change
 * or removal (checkboxes: one value, several, or none).
 */
const revokeClientIdsSchema = z.preprocess(
  (v) => (v === undefined || v === null || v === "" ? [] : Array.isArray(v) ? v : [v]),
  z.array(clientIdSchema).max(500, "Too many credentials."),
);

export const changeRoleSchema = z.object({
  userId: z.uuid({ error: "Unknown member." }),
  role: roleSchema,
  revokeClientIds: revokeClientIdsSchema,
});

export const removeMemberSchema = z.object({
  userId: z.uuid({ error: "Unknown member." }),
  revokeClientIds: revokeClientIdsSchema,
});

export const setupSchema = z.object({
  organizationName: z
    .string({ error: "Enter an organization name." })
    .trim()
    .min(1, "Enter an organization name.")
    .max(ORGANIZATION_NAME_MAX, `Use at most ${ORGANIZATION_NAME_MAX} characters.`)
    .superRefine(visibleName),
  name: personNameSchema,
  email: emailSchema,
  password: passwordSchema,
});
