// When a new client secret stops working: chosen at creation and rotation
// (never, 30, 90 or 365 days, or a date), within the organization's maximum
// secret age when its owners set one. Plain data and pure functions: the
// forms import the choices, the domain resolves them against its clock.
import { z } from "zod";
import { count } from "@/lib/text/counts";

export const SECRET_EXPIRY_CHOICES = ["never", "30d", "90d", "365d", "date"] as const;
export type SecretExpiryChoice = (typeof SECRET_EXPIRY_CHOICES)[number];

export const SECRET_EXPIRY_LABELS: Record<SecretExpiryChoice, string> = {
  never: "Never",
  "30d": "30 days",
  "90d": "90 days",
  "365d": "365 days",
  date: "On a date",
};

const CHOICE_DAYS: Partial<Record<SecretExpiryChoice, number>> = { "30d": 30, "90d": 90, "365d": 365 };
export const DAY_MS = 24 * 60 * 60 * 1000;
/** The choices an organization's owners can set as the maximum secret age. */
export const MAX_SECRET_AGE_CHOICES = [30, 90, 180, 365] as const;
export const MAX_SECRET_AGE_LIMIT_DAYS = 3650;

/** Form fields: `expiry` and, for "date", `expiresOn` (YYYY-MM-DD, UTC). Both optional. */
export const secretExpiryFields = {
  expiry: z.enum(SECRET_EXPIRY_CHOICES, { error: "Choose when the secret expires." }).optional(),
  expiresOn: z.preprocess(
    (v) => (v === "" || v === null ? undefined : v),
    z
      .string({ error: "Enter a date." })
      .regex(/^\d{4}-\d{2}-\d{2}$/, "Enter a date as YYYY-MM-DD.")
      .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), "Enter a real date.")
      .optional(),
  ),
};

export interface SecretExpiryInput {
  expiry?: SecretExpiryChoice;
  expiresOn?: string;
}

export class SecretExpiryError extends Error {
  constructor(
    readonly field: "expiry" | "expiresOn",
    message: string,
  ) {
    super(message);
  }
}

/**
 * The expiry of a secret issued at `now`, or null for never. Without a choice:
 * never, or the organization's maximum when it has one (so API callers that
 * name no expiry still get a secret within policy). A date means the secret
 * stops at 00:00 UTC that day.
 */
export function resolveSecretExpiry(input: SecretExpiryInput, now: Date, maxAgeDays: number | null): Date | null {
  const max = maxAgeDays === null ? null : new Date(now.getTime() + maxAgeDays * DAY_MS);
  const choice = input.expiry ?? (max ? null : "never");
  if (choice === null) return max;
  let at: Date | null;
  if (choice === "never") at = null;
  else if (choice === "date") {
    if (!input.expiresOn) throw new SecretExpiryError("expiresOn", "Enter the date the secret expires.");
    at = new Date(`${input.expiresOn}T00:00:00Z`);
    if (at.getTime() <= now.getTime()) throw new SecretExpiryError("expiresOn", "Choose a date in the future.");
    if (at.getTime() > now.getTime() + MAX_SECRET_AGE_LIMIT_DAYS * DAY_MS) {
      throw new SecretExpiryError("expiresOn", "Choose a date within 10 years.");
    }
  } else at = new Date(now.getTime() + CHOICE_DAYS[choice]! * DAY_MS);
  if (max && (at === null || at > max)) {
    throw new SecretExpiryError(
      choice === "date" ? "expiresOn" : "expiry",
      `Your organization allows secrets of at most ${count(maxAgeDays ?? 0, "day")}: choose an earlier expiry.`,
    );
  }
  return at;
}

/** "expires in 3 days", "expires today", "expired". Whole days, rounded up. */
export function expiresInWords(at: Date, now: Date): string {
  const ms = at.getTime() - now.getTime();
  if (ms <= 0) return "expired";
  const days = Math.ceil(ms / DAY_MS);
  if (days <= 1 && at.getUTCDate() === now.getUTCDate()) return "expires today";
  return `expires in ${count(days, "day")}`;
}
