// Test data through the real data layer: each call makes a new organization,
// so test files can share one database and run in parallel.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { db } from "@/lib/db/client";
import { applyMigrations } from "@/lib/db/migrate";
import { hashPassword } from "@/lib/auth/password";
import type { Member } from "@/lib/auth/session";
import type { Role } from "@/lib/generated/prisma/enums";

export const uniq = () => randomBytes(4).toString("hex");

let passwordHash: Promise<string> | undefined;

export async function makeOrganization(name = `Org ${uniq()}`) {
  return db().organization.create({ data: { name }, select: { id: true, name: true } });
}

export async function makeMember(role: Role, org?: { id: string; name: string }): Promise<Member> {
  const organization = org ?? (await makeOrganization());
  passwordHash ??= hashPassword("correct horse battery");
  const email = `${role.toLowerCase()}-${uniq()}@example.com`;
  const user = await db().user.create({
    data: { email, name: `${role} ${uniq()}`, passwordHash: await passwordHash },
    select: { id: true, email: true, name: true },
  });
  await db().membership.create({ data: { organizationId: organization.id, userId: user.id, role } });
  return {
    userId: user.id,
    email: user.email,
    name: user.name,
    organizationId: organization.id,
    organizationName: organization.name,
    role,
    // As after signing in: in step-up (lib/account/step-up.ts); tests of step-up set it to 0.
    stepUpUntil: Math.floor(Date.now() / 1000) + 3600,
  };
}

/** A brand-new empty database on the same server as DATABASE_URL. */
export async function emptyDatabaseUrl(): Promise<string> {
  const base = new URL(process.env.DATABASE_URL!);
  const name = `cc_fresh_${uniq()}`;
  const admin = new pg.Client({ connectionString: base.toString() });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  base.pathname = `/${name}`;
  return base.toString();
}

/** A brand-new migrated database on the same server as DATABASE_URL. */
export async function freshDatabaseUrl(): Promise<string> {
  const url = await emptyDatabaseUrl();
  await applyMigrations(url);
  return url;
}

export async function auditActions(organizationId: string) {
  const rows = await db().auditEvent.findMany({ where: { organizationId }, orderBy: { id: "asc" } });
  return rows.map((r) => r.action);
}
