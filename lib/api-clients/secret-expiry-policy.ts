// The expiry of a secret about to be issued, under the organization's
// maximum secret age (read in the issuing transaction, so a policy change
// and an issue never cross). Used by creation and rotation alike.
import "server-only";
import type { Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { resolveSecretExpiry, SecretExpiryError, type SecretExpiryInput } from "@/lib/api-clients/secret-expiry";

export async function newSecretExpiry(tx: Tx, organizationId: string, input: SecretExpiryInput, now: Date): Promise<Date | null> {
  const org = await tx.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { maxSecretAgeDays: true } });
  try {
    return resolveSecretExpiry(input, now, org.maxSecretAgeDays);
  } catch (err) {
    if (err instanceof SecretExpiryError) {
      throw new AppError("invalid_input", "Please correct the highlighted fields.", { [err.field]: [err.message] });
    }
    throw err;
  }
}
