import type { Metadata } from "next";
import { requireMember } from "@/lib/auth/session";
import { can, ROLE_LABELS, ROLES } from "@/lib/auth/roles";
import { listMembers } from "@/lib/members/list-members";
import { Card, PageHeader } from "@/components/ui/page-header";
import { addMember } from "@/app/actions/add-member";
import { changeMemberRole } from "@/app/actions/change-member-role";
import { removeMember } from "@/app/actions/remove-member";
import { AddMemberDialog } from "@/components/members/add-member-dialog";
import { MemberRoleSelect, RemoveMemberButton } from "@/components/members/member-controls";
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
      <Card className="overflow-hidden">
        <table className="w-full text-left text-sm">
          <thead className="bg-slate-50 text-xs font-medium tracking-wide text-slate-500 uppercase">
            <tr>
              <th scope="col" className="px-4 py-3">Member</th>
              <th scope="col" className="px-4 py-3">Role</th>
              <th scope="col" className="px-4 py-3">Since</th>
              {manage && <th scope="col" className="px-4 py-3"><span className="sr-only">Actions</span></th>}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {members.map((m) => {
              const editable = manage && (m.role !== "OWNER" || member.role === "OWNER");
              return (
                <tr key={m.userId}>
                  <td className="px-4 py-3">
                    <span className="font-medium text-slate-900">{m.name}</span>
                    {m.userId === member.userId && <span className="ml-2 text-xs text-slate-500">(you)</span>}
                    <span className="block text-xs text-slate-500">{m.email}</span>
                  </td>
                  <td className="px-4 py-3">
                    {editable ? (
                      <MemberRoleSelect userId={m.userId} name={m.name} role={m.role} roles={roles} action={changeMemberRole} />
                    ) : (
                      <span className="text-slate-700">{ROLE_LABELS[m.role]}</span>
                    )}
                  </td>
                  <td className="px-4 py-3 text-slate-600">{formatDateTime(m.since)}</td>
                  {manage && (
                    <td className="px-4 py-3 text-right">
                      {editable && <RemoveMemberButton userId={m.userId} name={m.name} action={removeMember} />}
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      </Card>
    </div>
  );
}
