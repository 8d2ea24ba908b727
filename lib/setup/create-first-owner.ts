// First run: the first account becomes the owner of a new organization. Only
// possible while no user exists; an advisory lock makes two simultaneous
// set-ups (two browser tabs, or two instances with ADMIN_EMAIL) create one owner.
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { hashPassword } from "@/lib/auth/password";
import { recordEvent } from "@/lib/audit/record-event";

const SETUP_LOCK = 7_236_111_002;

const alreadySetUp = () => new AppError("conflict", "This console is already set up. Sign in instead.");

export async function hasAnyUser(): Promise<boolean> {
  return (await db().user.findFirst({ select: { id: true } })) !== null;
}

export async function createFirstOwner(input: {
  organizationName: string;
  name: string;
  email: string;
  password: string;
}): Promise<{ userId: string; organizationId: string; sessionVersion: number }> {
  // Anyone may call this while the page is open to anonymous visitors: once
  // the console is set up, refuse before the (deliberately expensive) hash.
  // The check under the lock below is the one that decides.
  if (await hasAnyUser()) throw alreadySetUp();
  const passwordHash = await hashPassword(input.password);
  return db().$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SETUP_LOCK})`;
    if (await tx.user.findFirst({ select: { id: true } })) {
      throw alreadySetUp();
    }
    const org = await tx.organization.create({ data: { name: input.organizationName }, select: { id: true } });
    const user = await tx.user.create({
      data: { email: input.email, name: input.name, passwordHash },
      select: { id: true, sessionVersion: true },
    });
    await tx.membership.create({ data: { organizationId: org.id, userId: user.id, role: "OWNER" } });
    await recordEvent(tx, {
      organizationId: org.id,
      actor: { userId: user.id, email: input.email, name: input.name },
      action: "organization.created",
      target: { type: "organization", id: org.id, name: input.organizationName },
    });
    return { userId: user.id, organizationId: org.id, sessionVersion: user.sessionVersion };
  });
}
