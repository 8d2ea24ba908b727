import "server-only";
import { db } from "@/lib/db/client";
import { fieldError, forbidden } from "@/lib/errors";
import { hashPassword } from "@/lib/auth/password";
import { recordEvent } from "@/lib/audit/record-event";
import type { Principal } from "@/lib/auth/principal";
import type { Role } from "@/lib/generated/prisma/enums";

const emailTaken = () => fieldError("conflict", { email: ["This email already has an account."] });

export async function addMember(
  actor: Principal,
  input: { email: string; name: string; password: string; role: Role },
) {
  if (input.role === "OWNER" && actor.role !== "OWNER") throw forbidden("Only an owner can add another owner.");
  // A taken email is refused before the (deliberately slow, 128 MiB) hash; the
  // unique index still decides between two concurrent adds.
  if (await db().user.findUnique({ where: { email: input.email }, select: { id: true } })) throw emailTaken();
  const passwordHash = await hashPassword(input.password);
  try {
    return await db().$transaction(async (tx) => {
      if (await tx.user.findUnique({ where: { email: input.email }, select: { id: true } })) throw emailTaken();
      const user = await tx.user.create({
        data: { email: input.email, name: input.name, passwordHash },
        select: { id: true, email: true },
      });
      await tx.membership.create({
        data: { organizationId: actor.organizationId, userId: user.id, role: input.role },
      });
      await recordEvent(tx, {
        organizationId: actor.organizationId,
        actor: actor,
        action: "member.added",
        target: { type: "user", id: user.id, name: user.email },
        metadata: { role: input.role },
      });
      return user;
    });
  } catch (err) {
    // Two concurrent adds of one email: the unique index decides.
    if ((err as { code?: string }).code === "P2002") throw emailTaken();
    throw err;
  }
}
