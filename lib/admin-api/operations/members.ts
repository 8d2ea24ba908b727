// /members: the organization's members by email, through the same domain
// functions as the Members page. POST invites a person who is not a member
// (an open invitation, as the Members page makes one; the console sends no
// email, so an admin hands the link over from the Members page) and sets a
// member's role; DELETE removes a member or withdraws an open invitation.
// Like the Members page, it never tells whether an email has an account
// elsewhere: the answer to an invitation is the same 204 whether or not the
// person has an account anywhere. The admin client acts as an admin: it can never
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
import { createInvitation } from "@/lib/invitations/create-invitation";
import { revokeInvitation } from "@/lib/invitations/revoke-invitation";
import { db } from "@/lib/db/client";
import { memberManagerNow } from "@/lib/members/owner-guard";
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

const noMember = () => notFound("Member or open invitation");

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
    summary: "Invite a person, or set a member's role",
    description:
      "For an email that is not a member: an invitation with that role (replacing an open one), listed by GET /members with invitePending true; " +
      "the console sends no email, so an admin shares the invitation link from the Members page. The answer is the same whether or not " +
      "the person has an account anywhere. For a member: sets their role. The owner role cannot be given or taken through the API. " +
      "Refused (403) once the member who created these credentials can no longer manage members (demoted below Admin, or removed).",
    permission: "MEMBERS_CREATE",
    params: s.emailParam,
    body: s.postMemberBody,
    fieldNames: { role: "orgRoles" },
    response: { status: 204, description: "Invited, or the role is set." },
    run: async ({ principal, params, body }) => {
      const role = ROLE_OF[body.orgRoles[0]!];
      const m = await findMemberByEmail(principal.organizationId, params.email);
      if (m) await changeMemberRole(principal, { userId: m.userId, role });
      // The link is not returned: it would be a credential handed to a script.
      else await createInvitation(principal, { email: params.email, role });
    },
  }),
  defineOperation({
    operationId: "DeleteMember",
    method: "DELETE",
    path: "/members/{email}",
    summary: "Remove a member, or withdraw an invitation",
    description:
      "Removes a member; for an email with an open invitation instead, withdraws it (its link stops working). Owners cannot be removed through the API. " +
      "Refused (403) once the member who created these credentials can no longer manage members (demoted below Admin, or removed).",
    permission: "MEMBERS_DELETE",
    params: s.emailParam,
    response: { status: 204, description: "Removed, or the invitation withdrawn." },
    run: async ({ principal, params }) => {
      const m = await findMemberByEmail(principal.organizationId, params.email);
      if (m) return void (await removeMember(principal, { userId: m.userId }));
      const open = await db().invitation.findFirst({
        where: { organizationId: principal.organizationId, email: params.email, usedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
        select: { id: true },
      });
      if (!open) throw noMember();
      await db().$transaction((tx) => memberManagerNow(tx, principal));
      await revokeInvitation(principal, { invitationId: open.id });
    },
  }),
];
