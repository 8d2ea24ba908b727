// A user in several organizations: the session shows the organization chosen
// in the switcher (a cookie), but only while the user is a member of it;
// otherwise, and by default, the first membership. The cookie grants nothing.
import { beforeEach, describe, expect, it, vi } from "vitest";

const jar = vi.hoisted(() => new Map<string, string>());
vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) => (jar.has(name) ? { name, value: jar.get(name)! } : undefined),
    set: (name: string, value: string) => void jar.set(name, value),
  }),
}));
vi.mock("next/navigation", () => ({ redirect: (to: string) => { throw Object.assign(new Error("NEXT_REDIRECT"), { digest: `NEXT_REDIRECT;replace;${to};307;` }); } }));

import { encode } from "next-auth/jwt";
import { currentMember, memberOrganizations } from "@/lib/auth/session";
import { switchOrganization } from "@/app/actions/switch-organization";
import { acceptAsUser } from "@/lib/invitations/accept-invitation";
import { createInvitation } from "@/lib/invitations/create-invitation";
import { removeMember } from "@/lib/members/remove-member";
import { db } from "@/lib/db/client";
import { makeMember, makeOrganization } from "@/tests/support/factories";

async function signInAs(userId: string) {
  const { sessionVersion } = await db().user.findUniqueOrThrow({ where: { id: userId } });
  jar.clear();
  jar.set("next-auth.session-token", await encode({ token: { sub: userId, sv: sessionVersion }, secret: process.env.NEXTAUTH_SECRET! }));
}

beforeEach(() => jar.clear());

describe("choosing among one's organizations", () => {
  it("defaults to the first membership, honours a chosen one, ignores one the user is not in", async () => {
    const person = await makeMember("DEVELOPER");
    const second = await makeMember("OWNER");
    const invitation = await createInvitation(second, { email: person.email, role: "ADMIN" });
    await acceptAsUser(person.userId, invitation.url.split("/invite/")[1]!);
    const stranger = await makeOrganization();

    await signInAs(person.userId);
    expect(await currentMember()).toMatchObject({ organizationId: person.organizationId, role: "DEVELOPER" });
    expect((await memberOrganizations(person.userId)).map((o) => o.id)).toEqual([person.organizationId, second.organizationId]);

    // The switcher's action: only an organization the user belongs to.
    const refused = await switchOrganization(undefined, { organizationId: stranger.id });
    expect(refused).toMatchObject({ ok: false, code: "not_found" });
    expect(jar.get("cc-organization")).toBeUndefined();
    await expect(switchOrganization(undefined, { organizationId: second.organizationId })).rejects.toMatchObject({
      digest: expect.stringContaining("/clusters"),
    });
    expect(jar.get("cc-organization")).toBe(second.organizationId);
    expect(await currentMember()).toMatchObject({ organizationId: second.organizationId, role: "ADMIN" });

    // A forged cookie naming someone else's organization changes nothing.
    jar.set("cc-organization", stranger.id);
    expect(await currentMember()).toMatchObject({ organizationId: person.organizationId, role: "DEVELOPER" });
    jar.set("cc-organization", "not-a-uuid'; --");
    expect(await currentMember()).toMatchObject({ organizationId: person.organizationId });

    // Removed from the chosen organization: back to the remaining one at once.
    jar.set("cc-organization", second.organizationId);
    await removeMember(second, { userId: person.userId });
    expect(await currentMember()).toMatchObject({ organizationId: person.organizationId, role: "DEVELOPER" });
    expect(await db().user.count({ where: { id: person.userId } })).toBe(1);
  });
});
