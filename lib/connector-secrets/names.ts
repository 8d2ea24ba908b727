// Connector secret names, as Camunda's connector runtime resolves them in
// `{{secrets.NAME}}`: letters and digits, in groups joined by one `.`, `_` or
// `-` (no leading, trailing or doubled separator), at most 100 characters.
// Plain data: the dialog, the server actions and the API share it.
import { z } from "zod";

export const SECRET_NAME_MAX = 100;
/** Values up to 16 KiB (UTF-8): a certificate or a JSON key file fits. */
export const SECRET_VALUE_MAX_BYTES = 16 * 1024;
/** How many secrets one cluster may have. */
export const SECRETS_PER_CLUSTER_MAX = 500;

export const SECRET_NAME_PATTERN = /^[A-Za-z0-9]+(?:[._-][A-Za-z0-9]+)*$/;

export const secretNameSchema = z
  .string({ error: "Enter a name." })
  .trim()
  .min(1, "Enter a name.")
  .max(SECRET_NAME_MAX, `Use at most ${SECRET_NAME_MAX} characters.`)
  .regex(SECRET_NAME_PATTERN, "Use letters and digits, joined by single dots, dashes or underscores (for example API_KEY or slack.token).");

export const secretValueSchema = z
  .string({ error: "Enter a value." })
  .min(1, "Enter a value.")
  .refine((v) => new TextEncoder().encode(v).length <= SECRET_VALUE_MAX_BYTES, `Use at most ${SECRET_VALUE_MAX_BYTES / 1024} KiB.`);
