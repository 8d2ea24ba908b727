import { describe, expect, it } from "vitest";
import { changeMemberRole } from "@/lib/members/change-member-role";
import { removeMember } from "@/lib/members/remove-member";
import { listMembers } from "@/lib/members/list-members";
import { inviteMemberSchema } from "@/lib/members/schemas";
import { createInvitation } from "@/lib/invitations/create-invitation";
import { db } from "@/lib/db/client";
import { auditActions, makeMember, makeOrganization, uniq } from "@/tests/support/factories";

describe("members", () => {
  it("normalises and validates invitation input", () => {
    expect(inviteMemberSchema.parse({ email: "  Mixed@Example.COM ", role: "DEVELOPER" }).email).toBe("mixed@example.com");
    expect(inviteMemberSchema.safeParse({ email: "a@example.com", role: "SUPERUSER" }).success).toBe(false);
    expect(inviteMemberSchema.safeParse({ email: "not an email", role: "DEVELOPER" }).success).toBe(false);
  });

  it("keeps at least one owner, even under concurrent demotions", async () => {
    const org = await makeOrganization();
    const a = await makeMember("OWNER", org);
    const b = await makeMember("OWNER", org);
    const results = await Promise.allSettled([
      changeMemberRole(a, { userId: a.userId, role: "ADMIN" }),
      changeMemberRole(b, { userId: b.userId, role: "ADMIN" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const owners = (await listMembers(org.id)).filter((m) => m.role === "OWNER");
    expect(owners).toHaveLength(1);
    await expect(removeMember(owners[0]!.userId === a.userId ? a : b, { userId: owners[0]!.userId })).rejects.toThrow(
      /at least one owner/,
    );
  });

  it("lets only owners grant, change or take away the owner role", async () => {
    const org = await makeOrganization();
    const owner = await makeMember("OWNER", org);
    const admin = await makeMember("ADMIN", org);
    const dev = await makeMember("DEVELOPER", org);
    await expect(changeMemberRole(admin, { userId: owner.userId, role: "VISITOR" })).rejects.toThrow(/Only an owner/);
    await expect(changeMemberRole(admin, { userId: dev.userId, role: "OWNER" })).rejects.toThrow(/Only an owner/);
    await expect(createInvitation(admin, { email: `new-${uniq()}@example.com`, role: "OWNER" })).rejects.toThrow(/Only an owner/);
    await changeMemberRole(admin, { userId: dev.userId, role: "OPERATIONS_ENGINEER" });
    await changeMemberRole(owner, { userId: admin.userId, role: "OWNER" });
    const roles = Object.fromEntries((await listMembers(org.id)).map((m) => [m.userId, m.role]));
    expect(roles).toEqual({ [owner.userId]: "OWNER", [admin.userId]: "OWNER", [dev.userId]: "OPERATIONS_ENGINEER" });
  });

  it("removes a member and their account; foreign members are not found", async () => {
    const owner = await makeMember("OWNER");
    const dev = await makeMember("DEVELOPER", { id: owner.organizationId, name: owner.organizationName });
    const stranger = await makeMember("OWNER");
    await expect(removeMember(stranger, { userId: dev.userId })).rejects.toThrow(/not found/);
    await removeMember(owner, { userId: dev.userId });
    expect(await db().user.findUnique({ where: { id: dev.userId } })).toBeNull();
    expect(await auditActions(owner.organizationId)).toEqual(["member.removed"]);
  });
});
