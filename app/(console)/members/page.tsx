import type { Metadata } from "next";
import { requireMember } from "@/lib/auth/session";
import { can, ROLE_LABELS, ROLES } from "@/lib/auth/roles";
import { listMembers } from "@/lib/members/list-members";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TBody, THead, Td, Th, Tr } from "@/components/ui/table";
import { addMember } from "@/app/actions/add-member";
import { changeMemberRole } from "@/app/actions/change-member-role";
import { removeMember } from "@/app/actions/remove-member";
import { AddMemberDialog } from "@/components/members/add-member-dialog";
import { MemberRoleMenu, RemoveMemberButton } from "@/components/members/member-controls";
import { formatDateTime } from "@/components/ui/format";

export const metadata: Metadata = { title: "Members" };

export default async function MembersPage() {
  const member = await requireMember();
  const members = await listMembers(member.organizationId);
  const manage = can(member.role, "member:manage");
  const assignable = ROLES.filter((r) => r !== "OWNER" || member.role === "OWNER");
  const roles = assignable.map((r) => ({ value: r, label: ROLE_LABELS[r] }));

  return (
    <div className="space-y-6">
      <PageHeader
        title="Members"
        description="People in your organization and what they may do. Owners, admins and operations engineers manage API clients; developers and visitors see them."
        actions={manage ? <AddMemberDialog roles={roles} action={addMember} /> : null}
      />
      <Table>
        <THead>
          <Th>Member</Th>
          <Th>Role</Th>
          <Th>Since</Th>
          {manage && <Th><span className="sr-only">Actions</span></Th>}
        </THead>
        <TBody>
          {members.map((m) => {
            const editable = manage && (m.role !== "OWNER" || member.role === "OWNER");
            const self = m.userId === member.userId;
            return (
              <Tr key={m.userId}>
                <Td wide className="min-w-0">
                  <span className="font-medium text-slate-900 [overflow-wrap:anywhere]">{m.name}</span>
                  {self && <span className="ml-2 text-xs text-slate-600">(you)</span>}
                  <span className="block text-xs break-all text-slate-600">{m.email}</span>
                </Td>
                <Td label="Role">
                  {editable ? (
                    <MemberRoleMenu userId={m.userId} name={m.name} role={m.role} roles={roles} self={self} action={changeMemberRole} />
                  ) : (
                    <span className="text-slate-700">{ROLE_LABELS[m.role]}</span>
                  )}
                </Td>
                <Td label="Since" className="text-slate-600">{formatDateTime(m.since)}</Td>
                {manage && (
                  <Td wide className="text-right max-md:text-left">
                    {editable && <RemoveMemberButton userId={m.userId} name={m.name} action={removeMember} />}
                  </Td>
                )}
              </Tr>
            );
          })}
        </TBody>
      </Table>
    </div>
  );
}
