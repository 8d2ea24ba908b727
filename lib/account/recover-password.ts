// The way back for an account nobody in the console can reset: a sole owner
// who forgot their password. Run on the server (`npm run account:recover`,
// scripts/recover-account.ts): access to the server's database is the
// authority here, as it is for `npm run keys:rotate`.
//
// In one transaction: the new hash, every session of the account ended
// (lib/auth/session-version.ts), every open reset link for it withdrawn (a
// link issued before must not outlive the password it was meant to replace),
// and an audit event in each of the account's organizations, so the owners
// see that the password was set from the command line.
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { hashPassword } from "@/lib/auth/password";
import { endAllSessions } from "@/lib/auth/session-version";
import { recordAccountEvent } from "@/lib/account/account-audit";
import { passwordSchema } from "@/lib/members/schemas";
import { withdrawResetLinksFor } from "@/lib/one-time-links/withdraw-reset-links";

/** Who the Activity trail names for a recovery: nobody signed in did it. */
export const COMMAND_LINE_ACTOR = { userId: null, email: "server command line", name: "A server operator (npm run account:recover)" };

export interface RecoveredAccount {
  email: string;
  /** The organizations the account is a member of, by name: what the operator is told. */
  organizations: string[];
  /** Open reset links withdrawn. */
  withdrawnLinks: number;
}

export async function recoverPassword(rawEmail: string, password: string, now = new Date()): Promise<RecoveredAccount> {
  const email = rawEmail.trim().toLowerCase();
  const checked = passwordSchema.safeParse(password);
  if (!checked.success) throw new AppError("invalid_input", checked.error.issues[0]!.message);
  const user = await db().user.findUnique({ where: { email }, select: { id: true } });
  if (!user) throw new AppError("not_found", `No account has the email ${email}.`);
  const passwordHash = await hashPassword(checked.data);
  return db().$transaction(async (tx) => {
    const updated = await tx.user.update({ where: { id: user.id }, data: { passwordHash }, select: { id: true, email: true } });
    await endAllSessions(updated.id, tx);
    const withdrawnLinks = await withdrawResetLinksFor(tx, updated.id, now);
    const organizations = await recordAccountEvent(tx, COMMAND_LINE_ACTOR, updated, "account.password_recovered");
    return { email: updated.email, organizations, withdrawnLinks };
  });
}
