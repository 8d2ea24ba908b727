// The single sign-on settings form, its action and the tests share these.
import { z } from "zod";
import { ROLES } from "@/lib/auth/roles";
import type { Role } from "@/lib/generated/prisma/enums";

/** A provider's rules: the role people join with, its mapping from a claim, and the sessions it allows. */
export interface SsoRules {
  defaultRole: Role;
  roleClaim: string | null;
  roleClaimValue: string | null;
  mappedRole: Role | null;
  requireSso: boolean;
  maxSessionAgeMinutes: number;
}

export const SSO_MAX_DOMAINS = 20;
export const SSO_SESSION_AGE_MIN = 5;
/** The console's session cookie lives 8 hours (lib/auth/auth-options.ts): no SSO session outlives it. */
export const SSO_SESSION_AGE_MAX = 480;

/** Roles a person may get by signing in; Owner is only ever given in the console (with step-up). */
export const SSO_ROLES = ROLES.filter((r) => r !== "OWNER") as unknown as readonly ["ADMIN", "OPERATIONS_ENGINEER", "DEVELOPER", "VISITOR"];
const ssoRole = z.enum(SSO_ROLES, { error: "Choose a role other than Owner: owners are made on the Members page." });

const DOMAIN = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

const domainList = z
  .string({ error: "Enter at least one email domain." })
  .max(2_000, "Use at most 2,000 characters.")
  .transform((s) => [...new Set(s.split(/[\s,]+/).map((d) => d.trim().toLowerCase().replace(/^@/, "")).filter(Boolean))])
  .superRefine((domains, ctx) => {
    if (domains.length === 0) ctx.addIssue({ code: "custom", message: "Enter at least one email domain." });
    if (domains.length > SSO_MAX_DOMAINS) ctx.addIssue({ code: "custom", message: `Use at most ${SSO_MAX_DOMAINS} domains.` });
    const bad = domains.find((d) => !DOMAIN.test(d));
    if (bad) ctx.addIssue({ code: "custom", message: `"${bad.slice(0, 60)}" is not an email domain such as example.com.` });
  });

const optional = (s: unknown) => (typeof s === "string" && s.trim() === "" ? undefined : s);

export const ssoSettingsSchema = z
  .object({
    issuer: z
      .string({ error: "Enter the issuer URL." })
      .trim()
      .min(1, "Enter the issuer URL.")
      .max(500, "Use at most 500 characters.")
      .pipe(z.url({ protocol: /^https?$/, error: "Enter the issuer URL, such as https://login.example.com." }))
      .transform((u) => u.replace(/\/+$/, "")),
    clientId: z
      .string({ error: "Enter the client ID." })
      .trim()
      .min(1, "Enter the client ID.")
      .max(255, "Use at most 255 characters.")
      .regex(/^[\x21-\x7e]+$/, "Use printable characters without spaces."),
    /** Empty: keep the saved secret (it is never shown again). */
    clientSecret: z.preprocess(
      optional,
      z.string().max(1_000, "Use at most 1,000 characters.").regex(/^[\x20-\x7e]+$/, "Use printable characters only.").optional(),
    ),
    domains: domainList,
    defaultRole: ssoRole,
    roleClaim: z.preprocess(
      optional,
      z.string().trim().max(100, "Use at most 100 characters.").regex(/^[A-Za-z0-9_:./-]+$/, "Use a claim name such as groups or roles.").optional(),
    ),
    roleClaimValue: z.preprocess(optional, z.string().trim().max(200, "Use at most 200 characters.").regex(/^[\x20-\x7e]+$/, "Use printable characters only.").optional()),
    mappedRole: z.preprocess(optional, ssoRole.optional()),
    requireSso: z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean()),
    maxSessionAgeMinutes: z.coerce
      .number({ error: "Enter a number of minutes." })
      .int("Enter whole minutes.")
      .min(SSO_SESSION_AGE_MIN, `At least ${SSO_SESSION_AGE_MIN} minutes.`)
      .max(SSO_SESSION_AGE_MAX, `At most ${SSO_SESSION_AGE_MAX} minutes (8 hours, the console's session lifetime).`),
  })
  .superRefine((v, ctx) => {
    const parts = [v.roleClaim, v.roleClaimValue, v.mappedRole];
    if (parts.some(Boolean) && !parts.every(Boolean)) {
      for (const [key, value] of [["roleClaim", v.roleClaim], ["roleClaimValue", v.roleClaimValue], ["mappedRole", v.mappedRole]] as const) {
        if (!value) ctx.addIssue({ code: "custom", path: [key], message: "A role mapping needs a claim, a value and a role; or leave all three empty." });
      }
    }
  });

export type SsoSettingsInput = z.output<typeof ssoSettingsSchema>;

export const removeSsoSettingsSchema = z.object({ confirm: z.literal("remove", { error: "Confirm the removal." }) });

export const ssoEmailSchema = z.object({
  email: z
    .string({ error: "Enter your work email." })
    .trim()
    .toLowerCase()
    .min(1, "Enter your work email.")
    .max(254, "Use at most 254 characters.")
    .pipe(z.email({ error: "Enter a valid email address." })),
  callbackUrl: z.string().max(2_000).optional(),
});

export const testSsoConnectionSchema = z.object({});
