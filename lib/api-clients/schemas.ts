// Input shapes for API clients, shared by the forms, the server actions and
// the tests. Every message here is shown to the user as is.
import { z } from "zod";
import { visibleName } from "@/lib/validation/visible-text";
import { clusterIdSchema } from "@/lib/clusters/schemas";
import { descriptionSchema } from "@/lib/validation/description";
import { ADMIN_PERMISSIONS, CLIENT_ID_PATTERN, CLIENT_SCOPES, SCOPE_CHOICES, expandScopes, type ClientScopeName, type ScopeChoice } from "@cluster-console/credentials";
import type { AdminPermission, ClientScope } from "@/lib/generated/prisma/enums";
import { MAX_SECRET_AGE_LIMIT_DAYS, secretExpiryFields } from "@/lib/api-clients/secret-expiry";
import { MAX_TOKEN_RATE_LIMIT, MAX_TOKEN_TTL_SECONDS, MIN_TOKEN_TTL_SECONDS } from "@cluster-console/credentials";

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

// A checkbox group posts nothing (no box ticked), one string, or several:
// Camunda 8.8's scopes (ORCHESTRATION, OPTIMIZE, SECRETS) or 8.7's (ZEEBE,
// TASKLIST, OPERATE, ...), stored as expandScopes says.
const SCOPE_INPUTS = [...SCOPE_CHOICES, ...CLIENT_SCOPES.filter((s) => !(SCOPE_CHOICES as readonly string[]).includes(s))] as [string, ...string[]];
export const clientScopesSchema = z.preprocess(
  (v) => (v === undefined || v === null || v === "" ? [] : Array.isArray(v) ? v : [v]),
  z
    .array(z.enum(SCOPE_INPUTS as [ScopeChoice | ClientScopeName, ...(ScopeChoice | ClientScopeName)[]], { error: "Unknown scope." }), {
      error: "Choose at least one scope.",
    })
    .min(1, "Choose at least one scope.")
    .max(SCOPE_INPUTS.length)
    .transform((s) => expandScopes(s)),
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

/** A whole number or nothing: "" (an empty field) and null mean "the default"; an absent field stays undefined. */
function optionalWholeNumber(what: string, min: number, max: number) {
  return z.preprocess(
    (v) => (v === undefined ? undefined : v === "" || v === null || (typeof v === "string" && v.trim() === "") ? null : typeof v === "string" ? v.trim() : v),
    z.coerce
      .number({ error: `Enter ${what} as a whole number, or leave it empty.` })
      .int(`Enter ${what} as a whole number, or leave it empty.`)
      .min(min, `Enter at least ${min}.`)
      .max(max, `Enter at most ${max}.`)
      .nullable()
      .optional(),
  );
}

/** A client's own token lifetime in seconds; null: the instance's (the organization's bounds are checked by the domain). */
export const tokenTtlSecondsSchema = optionalWholeNumber("a lifetime in seconds", MIN_TOKEN_TTL_SECONDS, MAX_TOKEN_TTL_SECONDS);
/** A client's own token requests per window; null: the instance's. */
export const tokenRateLimitSchema = optionalWholeNumber("a number of requests", 1, MAX_TOKEN_RATE_LIMIT);

export const updateApiClientSchema = z.object({
  clusterId: clusterIdSchema,
  clientId: clientIdSchema,
  name: clientNameSchema,
  description: clientDescriptionSchema,
  scopes: clientScopesSchema,
  // Absent (a form without the policy fields): unchanged.
  tokenTtlSeconds: tokenTtlSecondsSchema,
  tokenRateLimit: tokenRateLimitSchema,
});

/** Owners' bounds on clients' own token lifetimes and rate limits; empty fields: no bound. */
export const setClientPolicyBoundsSchema = z
  .object({
    // A form always sends all three: absent is the same as empty (no bound).
    minTokenTtlSeconds: optionalWholeNumber("a lifetime in seconds", MIN_TOKEN_TTL_SECONDS, MAX_TOKEN_TTL_SECONDS).transform((v) => v ?? null),
    maxTokenTtlSeconds: optionalWholeNumber("a lifetime in seconds", MIN_TOKEN_TTL_SECONDS, MAX_TOKEN_TTL_SECONDS).transform((v) => v ?? null),
    maxClientRateLimit: optionalWholeNumber("a number of requests", 1, MAX_TOKEN_RATE_LIMIT).transform((v) => v ?? null),
  })
  .refine((v) => v.minTokenTtlSeconds === null || v.maxTokenTtlSeconds === null || v.minTokenTtlSeconds <= v.maxTokenTtlSeconds, {
    path: ["maxTokenTtlSeconds"],
    message: "The longest lifetime must be at least the shortest.",
  });

/** What a reported leak of a live secret does. */
export const setLeakPolicySchema = z.object({
  leakPolicy: z.enum(["REVOKE", "ALERT"], { error: "Choose what happens to a leaked secret." }),
});

/** A member or an Administration API client reports a secret found somewhere it should not be. */
export const reportLeakedSecretSchema = z.object({
  // Bounded before anything looks at it; the format is checked by the domain (a mistyped secret is an answer, not an error).
  secret: z.string({ error: "Paste the secret." }).trim().min(1, "Paste the secret.").max(200, "That is longer than any client secret."),
  url: z
    .preprocess(
      (v) => (v === "" || v === null ? undefined : v),
      z.url({ protocol: /^https?$/, error: "Enter an http:// or https:// address, or leave it empty." }).max(2_000, "Use at most 2000 characters.").optional(),
    ),
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
