// A signed-in user changes their own display name (the visible-characters
// rule of every name, lib/validation/visible-text.ts, through the schema).
// Audited in each of the user's organizations, where the name is shown.
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { recordAccountEvent } from "@/lib/account/account-audit";
import type { Actor } from "@/lib/auth/principal";

export async function renameAccount(actor: Actor & { userId: string }, input: { name: string }): Promise<{ name: string; changed: boolean }> {
  return db().$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: actor.userId }, select: { id: true, email: true, name: true } });
    if (!user) throw new AppError("unauthenticated", "Your session has ended. Sign in again.");
    if (user.name === input.name) return { name: user.name, changed: false };
    const { count } = await tx.user.updateMany({ where: { id: user.id, name: user.name }, data: { name: input.name } });
    // Renamed at the same moment elsewhere: say so rather than audit a "from" that is no longer true.
    if (count !== 1) throw new AppError("conflict", "Your name was changed meanwhile. Reload the page and try again.");
    await recordAccountEvent(tx, actor, user, "account.renamed", { from: user.name, to: input.name });
    return { name: input.name, changed: true };
  });
}
