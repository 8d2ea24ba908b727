// Withdrawing an account's open reset links: a password is the account's, so
// every organization's links go. Plain Node (no server-only): the command-line
// recovery (scripts/recover-account.ts) uses it as the console's actions do,
// through lib/one-time-links/link-authority.ts.
import type { Tx } from "@/lib/db/client";

/** Withdraws the account's open reset links (in every organization: a password is the account's). */
export async function withdrawResetLinksFor(tx: Tx, userId: string, now: Date): Promise<number> {
  const { count } = await tx.passwordReset.updateMany({
    where: { userId, usedAt: null, revokedAt: null },
    data: { revokedAt: now },
  });
  return count;
}
