// Which organizations a session may enter (lib/auth/session.ts) once single
// sign-on exists, and what password sign-in says (lib/auth/sign-in.ts):
//  - an organization that requires single sign-on: only a session its own
//    provider signed in, within its maximum session age; owners also by
//    password (break-glass, audited at sign-in);
//  - a sign-in by one organization's provider opens no other organization.
import { beforeAll, describe, expect, it, vi } from "vitest";

const jar = vi.hoisted(() => {
  process.env.KEY_ENCRYPTION_KEY ??= Buffer.alloc(32, 9).toString("base64");
  return new Map<string, string>();
});
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: (name: string) => (jar.has(name) ? { name, value: jar.get(name) } : undefined) }),
}));

import { encode } from "next-auth/jwt";
import { currentMember } from "@/lib/auth/session";
import { checkSignIn, SignInRefused } from "@/lib/auth/sign-in";
import { saveSsoSettings } from "@/lib/sso/settings";
import { ssoSettingsSchema } from "@/lib/sso/schemas";
import { db } from "@/lib/db/client";
import type { Member } from "@/lib/auth/session";
import { makeMember, uniq } from "@/tests/support/factories";

const PASSWORD = "correct horse battery";
const now = () => Math.floor(Date.now() / 1000);

async function signedIn(userId: string, claims: Record<string, unknown>) {
  const user = await db().user.findUniqueOrThrow({ where: { id: userId } });
  jar.clear();
  jar.set("next-auth.session-token", await encode({ token: { sub: userId, sv: user.sessionVersion, ...claims }, secret: process.env.NEXTAUTH_SECRET! }));
}

async function enters(userId: string, claims: Record<string, unknown>, organizationId?: string): Promise<string | null> {
  await signedIn(userId, claims);
  if (organizationId) jar.set("cc-organization", organizationId);
  // currentMember is cached per request by React; outside a request each call reads afresh.
  const member = await currentMember();
  return member?.organizationId ?? null;
}

let strict: Member; // owner of an organization that requires single sign-on
let developer: Member; // its developer
let open: Member; // the developer's membership in an organization without single sign-on

beforeAll(async () => {
  strict = await makeMember("OWNER");
  developer = await makeMember("DEVELOPER", { id: strict.organizationId, name: strict.organizationName });
  await saveSsoSettings(
    strict,
    ssoSettingsSchema.parse({ issuer: "https://idp.example", clientId: "c", clientSecret: "s", domains: `strict-${uniq()}.test`, defaultRole: "DEVELOPER", requireSso: "on", maxSessionAgeMinutes: "30" }),
  );
  const other = await makeMember("OWNER");
  await db().membership.create({ data: { organizationId: other.organizationId, userId: developer.userId, role: "DEVELOPER" } });
  open = { ...developer, organizationId: other.organizationId };
});

describe("sessions and organizations that require single sign-on", () => {
  it("a password session does not enter it as a member; its provider's sign-in does, within the maximum session age", async () => {
    expect(await enters(developer.userId, { pw: true }, strict.organizationId)).toBe(open.organizationId);
    expect(await enters(developer.userId, { pw: false, sso: { [strict.organizationId]: now() - 60 } }, strict.organizationId)).toBe(strict.organizationId);
    // 31 minutes after the provider's sign-in, with a maximum of 30: sign in again.
    expect(await enters(developer.userId, { pw: false, sso: { [strict.organizationId]: now() - 31 * 60 } }, strict.organizationId)).toBeNull();
    // A cookie from before single sign-on (no pw claim) counts as a password sign-in.
    expect(await enters(developer.userId, {}, strict.organizationId)).toBe(open.organizationId);
  });

  it("one organization's provider opens no other organization", async () => {
    expect(await enters(developer.userId, { pw: false, sso: { [strict.organizationId]: now() } }, open.organizationId)).toBe(strict.organizationId);
    expect(await enters(developer.userId, { pw: false, sso: { [open.organizationId]: now() } }, open.organizationId)).toBeNull();
  });

  it("an owner's password still enters it (break-glass)", async () => {
    expect(await enters(strict.userId, { pw: true })).toBe(strict.organizationId);
  });

  it("password sign-in: a member of it alone is refused (after the password was checked); an owner is let in and it is recorded", async () => {
    const only = await makeMember("ADMIN", { id: strict.organizationId, name: strict.organizationName });
    await expect(checkSignIn({ email: only.email, password: "wrong password!" }, "203.0.113.7")).rejects.toMatchObject({ reason: "CredentialsSignin" });
    const refused = await checkSignIn({ email: only.email, password: PASSWORD }, "203.0.113.7").catch((e) => e);
    expect(refused).toBeInstanceOf(SignInRefused);
    expect(refused.reason).toBe("SsoRequired");
    // Someone in another organization too signs in (and enters only that one).
    expect((await checkSignIn({ email: developer.email, password: PASSWORD }, "203.0.113.7")).id).toBe(developer.userId);

    const before = await db().auditEvent.count({ where: { organizationId: strict.organizationId, action: "sso.break_glass_sign_in" } });
    expect((await checkSignIn({ email: strict.email, password: PASSWORD }, "203.0.113.8")).id).toBe(strict.userId);
    const events = await db().auditEvent.findMany({ where: { organizationId: strict.organizationId, action: "sso.break_glass_sign_in" }, orderBy: { id: "desc" } });
    expect(events.length).toBe(before + 1);
    expect(events[0]).toMatchObject({ actorId: strict.userId, metadata: { address: "203.0.113.8" } });
  });
});
