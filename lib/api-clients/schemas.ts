// Input shapes for API clients, shared by the forms, the server actions and
// the tests. Every message here is shown to the user as is.
import { z } from "zod";
import { visibleName } from "@/lib/validation/visible-text";
import { clusterIdSchema } from "@/lib/clusters/schemas";
import { descriptionSchema } from "@/lib/validation/description";
import { ADMIN_PERMISSIONS, CLIENT_ID_PATTERN, CLIENT_SCOPES } from "@cluster-console/credentials";
import type { AdminPermission, ClientScope } from "@/lib/generated/prisma/enums";
import { MAX_SECRET_AGE_LIMIT_DAYS, secretExpiryFields } from "@/lib/api-clients/secret-expiry";

export const CLIENT_NAME_MAX = 100;
export const CLIENT_DESCRIPTION_MAX = 500;

// The database's enums hold every scope and permission the credential rules name.
CLIENT_SCOPES satisfies readonly ClientScope[];
ADMIN_PERMISSIONS satisfies readonly AdminPermission[];

export const clientNameSchema = z
  .string({ error: "Enter a client name." })
  .trim()
  .min(1, "Enter a client name.")
  .max(CLIENT_NAME_MAX, `Use at most ${CLIENT_NAME_MAX} characters.`)
  // Names end up in file names, audit entries and terminals.
  .superRefine(visibleName);

// A checkbox group posts nothing (no box ticked), one string, or several.
export const clientScopesSchema = z.preprocess(
  (v) => (v === undefined || v === null || v === "" ? [] : Array.isArray(v) ? v : [v]),
  z
    .array(z.enum(CLIENT_SCOPES, { error: "Unknown scope." }), { error: "Choose at least one scope." })
    .min(1, "Choose at least one scope.")
    .max(CLIENT_SCOPES.length)
    .transform((s) => CLIENT_SCOPES.filter((c) => s.includes(c))),
);

// What the client is for and who owns it (the one description rule).
export const clientDescriptionSchema = descriptionSchema(CLIENT_DESCRIPTION_MAX);

export const clientIdSchema = z.string({ error: "Not a valid client ID." }).regex(CLIENT_ID_PATTERN, "Not a valid client ID.");

/** How long the previous secret keeps working after a rotation. */
export const ROTATION_GRACE = {
  now: 0,
  "1h": 60 * 60 * 1000,
  "24h": 24 * 60 * 60 * 1000,
  "7d": 7 * 24 * 60 * 60 * 1000,
} as const;

export type RotationGrace = keyof typeof ROTATION_GRACE;

export const rotationGraceSchema = z.enum(Object.keys(ROTATION_GRACE) as [RotationGrace, ...RotationGrace[]], {
  error: "Choose what happens to the current secret.",
});

export const createApiClientSchema = z.object({
  clusterId: clusterIdSchema,
  name: clientNameSchema,
  scopes: clientScopesSchema,
  ...secretExpiryFields,
});

export const rotateApiClientSecretSchema = z.object({
  clusterId: clusterIdSchema,
  clientId: clientIdSchema,
  grace: rotationGraceSchema,
  ...secretExpiryFields,
});

/** Owners' maximum age for new secrets: "" (no maximum) or a number of days. */
export const setMaxSecretAgeSchema = z.object({
  maxSecretAgeDays: z.preprocess(
    (v) => (v === "" || v === "none" || v === null ? null : v),
    z.coerce
      .number({ error: "Choose a maximum age." })
      .int("Choose a whole number of days.")
      .min(1, "Choose at least 1 day.")
      .max(MAX_SECRET_AGE_LIMIT_DAYS, "Choose at most 3650 days.")
      .nullable(),
  ),
});

export const revokeApiClientSchema = z.object({
  clusterId: clusterIdSchema,
  clientId: clientIdSchema,
});

/** End a rotation's grace period: the previous secret stops working now. */
export const endApiClientGracePeriodSchema = z.object({
  clusterId: clusterIdSchema,
  clientId: clientIdSchema,
});

export const updateApiClientSchema = z.object({
  clusterId: clusterIdSchema,
  clientId: clientIdSchema,
  name: clientNameSchema,
  description: clientDescriptionSchema,
  scopes: clientScopesSchema,
});

export const deleteApiClientSchema = z.object({
  clusterId: clusterIdSchema,
  clientId: clientIdSchema,
});

export type CreateApiClientInput = z.output<typeof createApiClientSchema>;
export type RotateApiClientSecretInput = z.output<typeof rotateApiClientSecretSchema>;
export type RevokeApiClientInput = z.output<typeof revokeApiClientSchema>;

// Administration API clients (organization level).
// A checkbox group posts nothing, one string, or several; the API posts an array.
export const adminPermissionsSchema = z.preprocess(
  (v) => (v === undefined || v === null || v === "" ? [] : Array.isArray(v) ? v : [v]),
  z
    .array(z.enum(ADMIN_PERMISSIONS, { error: "Unknown permission." }), { error: "Choose at least one permission." })
    .min(1, "Choose at least one permission.")
    .max(ADMIN_PERMISSIONS.length * 2)
    .transform((p) => ADMIN_PERMISSIONS.filter((a) => p.includes(a))),
);

export const createAdminClientSchema = z.object({
  name: clientNameSchema,
  permissions: adminPermissionsSchema,
  ...secretExpiryFields,
});

export const rotateAdminClientSecretSchema = z.object({
  clientId: clientIdSchema,
  grace: rotationGraceSchema,
});

export const revokeAdminClientSchema = z.object({
  clientId: clientIdSchema,
});

export const endAdminClientGracePeriodSchema = z.object({
  clientId: clientIdSchema,
});

export type CreateAdminClientInput = z.output<typeof createAdminClientSchema>;
export type UpdateApiClientInput = z.output<typeof updateApiClientSchema>;
export type DeleteApiClientInput = z.output<typeof deleteApiClientSchema>;
