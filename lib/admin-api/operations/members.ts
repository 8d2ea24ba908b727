// /members: the organization's members by email, through the same domain
// functions as the Members page. People join through invitation links made
// on the Members page (shown once, to the person who made them; the console
// sends no email), so the API lists members and pending invitations, changes
// members' roles and removes members. Like the Members page, it never tells
// whether an email has an account elsewhere: any email that is not a member
// here gets the same 404. The admin client acts as an admin: it can never
// grant or take away the owner role; and it changes or removes members only
// while the member who created it may (lib/members/owner-guard.ts), so a
// demoted admin's credentials cannot promote anyone back.
import "server-only";
import { z } from "zod";
import { notFound } from "@/lib/errors";
import { listMembers } from "@/lib/members/list-members";
import { listInvitations } from "@/lib/invitations/list-invitations";
import { findMemberByEmail } from "@/lib/members/find-member";
import { changeMemberRole } from "@/lib/members/change-member-role";
import { removeMember } from "@/lib/members/remove-member";
import type { Role } from "@/lib/generated/prisma/enums";
import { defineOperation } from "@/lib/admin-api/operation";
import * as s from "@/lib/admin-api/schemas";

const ROLE_NAMES: Record<Role, (typeof s.ORGANIZATION_ROLES)[number]> = {
  OWNER: "owner",
  ADMIN: "admin",
  OPERATIONS_ENGINEER: "operationsengineer",
  DEVELOPER: "developer",
  VISITOR: "visitor",
};
const ROLE_OF: Record<(typeof s.ASSIGNABLE_ROLES)[number], Role> = {
  admin: "ADMIN",
  operationsengineer: "OPERATIONS_ENGINEER",
  developer: "DEVELOPER",
  visitor: "VISITOR",
};

const noMember = () =>
  notFound("Member (people join through invitation links from the console's Members page; this API changes and removes existing members)");

export const memberOperations = [
  defineOperation({
    operationId: "GetMembers",
    method: "GET",
    path: "/members",
    summary: "List the organization's members",
    permission: "MEMBERS_GET",
    response: { status: 200, schema: z.array(s.member), description: "Members, oldest first, then pending (unexpired) invitations, newest first, with invitePending true and an empty name." },
    run: async ({ principal }) => [
      ...(await listMembers(principal.organizationId)).map((m) => ({ email: m.email, name: m.name, roles: [ROLE_NAMES[m.role]], invitePending: false })),
      ...(await listInvitations(principal.organizationId))
        .filter((i) => !i.expired)
        .map((i) => ({ email: i.email, name: "", roles: [ROLE_NAMES[i.role]], invitePending: true })),
    ],
  }),
  defineOperation({
    operationId: "UpdateMembers",
    method: "POST",
    path: "/members/{email}",
    summary: "Set a member's role",
    description:
      "The member must already belong to the organization. The owner role cannot be given or taken through the API. Refused (403) once the member who created these credentials can no longer manage members (demoted below Admin, or removed).",
    permission: "MEMBERS_CREATE",
    params: s.emailParam,
    body: s.postMemberBody,
    fieldNames: { role: "orgRoles" },
    response: { status: 204, description: "The role is set." },
    run: async ({ principal, params, body }) => {
      const m = await findMemberByEmail(principal.organizationId, params.email);
      if (!m) throw noMember();
      await changeMemberRole(principal, { userId: m.userId, role: ROLE_OF[body.orgRoles[0]!] });
    },
  }),
  defineOperation({
    operationId: "DeleteMember",
    method: "DELETE",
    path: "/members/{email}",
    summary: "Remove a member",
    description:
      "Owners cannot be removed through the API. Refused (403) once the member who created these credentials can no longer manage members (demoted below Admin, or removed).",
    permission: "MEMBERS_DELETE",
    params: s.emailParam,
    response: { status: 204, description: "Removed." },
    run: async ({ principal, params }) => {
      const m = await findMemberByEmail(principal.organizationId, params.email);
      if (!m) throw noMember();
      await removeMember(principal, { userId: m.userId });
    },
  }),
];
