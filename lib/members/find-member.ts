// A member of the organization by email (the Administration API names
// members by email), or null. Tenancy is in the lookup.
import "server-only";
import { db } from "@/lib/db/client";

export async function findMemberByEmail(organizationId: string, email: string) {
  const m = await db().membership.findFirst({
    where: { organizationId, user: { email } },
    select: { role: true, user: { select: { id: true, email: true, name: true } } },
  });
  return m ? { userId: m.user.id, email: m.user.email, name: m.user.name, role: m.role } : null;
}
