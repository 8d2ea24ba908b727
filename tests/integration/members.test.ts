import { describe, expect, it } from "vitest";
import { addMember } from "@/lib/members/add-member";
import { changeMemberRole } from "@/lib/members/change-member-role";
import { removeMember } from "@/lib/members/remove-member";
import { listMembers } from "@/lib/members/list-members";
import { addMemberSchema } from "@/lib/members/schemas";
import { db } from "@/lib/db/client";
import { auditActions, makeMember, makeOrganization, uniq } from "@/tests/support/factories";

const newMember = (role: "DEVELOPER" | "OWNER" | "ADMIN" = "DEVELOPER") => ({
  email: `new-${uniq()}@example.com`,
  name: "New Person",
  password: "a long enough password",
  role,
});

describe("members", () => {
  it("adds a member with a hashed password and an audit event", async () => {
    const owner = await makeMember("OWNER");
    const input = newMember();
    await addMember(owner, input);
    const members = await listMembers(owner.organizationId);
    expect(members.map((m) => [m.email, m.role])).toContainEqual([input.email, "DEVELOPER"]);
    const user = await db().user.findUnique({ where: { email: input.email }, omit: { passwordHash: false } });
    expect(user?.passwordHash).toMatch(/^scrypt\$/);
    expect(await auditActions(owner.organizationId)).toEqual(["member.added"]);
  });

  it("refuses a taken email, writing nothing", async () => {
    const owner = await makeMember("OWNER");
    await expect(addMember(owner, { ...newMember(), email: owner.email })).rejects.toThrow();
    expect(await listMembers(owner.organizationId)).toHaveLength(1);
    expect(await auditActions(owner.organizationId)).toEqual([]);
  });

  it("normalises and validates member input", () => {
    expect(addMemberSchema.parse({ ...newMember(), email: "  Mixed@Example.COM " }).email).toBe("mixed@example.com");
    expect(addMemberSchema.safeParse({ ...newMember(), role: "SUPERUSER" }).success).toBe(false);
    expect(addMemberSchema.safeParse({ ...newMember(), password: "short" }).success).toBe(false);
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
    await expect(addMember(admin, newMember("OWNER"))).rejects.toThrow(/Only an owner/);
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
