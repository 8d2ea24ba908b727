// Prisma reports a unique-index violation as P2002 (with the pg adapter, the
// driver's 23505). Used where an index, not a pre-check, settles a race.
import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";

export function isUniqueViolation(err: unknown): boolean {
  return err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002";
}
