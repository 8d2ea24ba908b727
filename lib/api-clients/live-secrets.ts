// What "live" means for a client secret, in Prisma's terms: not revoked and
// not expired at `now`. One rule for the lists, the client page, rotation and
// ending a grace period; the token path reads the same state from its cache.
import type { Prisma } from "@/lib/generated/prisma/client";

export function liveSecretWhere(now: Date): Prisma.ClientSecretWhereInput {
  return { revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] };
}

/** Newest first, the row ID breaking ties. */
export const NEWEST_SECRET_FIRST: Prisma.ClientSecretOrderByWithRelationInput[] = [{ createdAt: "desc" }, { id: "desc" }];
