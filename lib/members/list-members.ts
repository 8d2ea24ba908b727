import "server-only";
import { db } from "@/lib/db/client";

export async function listMembers(organizationId: string) {
  const rows = await db().membership.findMany({
    where: { organizationId },
    orderBy: { createdAt: "asc" },
    select: { role: true, createdAt: true, user: { select: { id: true, email: true, name: true } } },
  });
  return rows.map((m) => ({ userId: m.user.id, email: m.user.email, name: m.user.name, role: m.role, since: m.createdAt }));
}
