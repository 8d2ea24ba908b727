import type { Metadata } from "next";
import Link from "next/link";
import { requireMember } from "@/lib/auth/session";
import { can, ROLE_DESCRIPTIONS, ROLE_LABELS, ROLES } from "@/lib/auth/roles";
import { listMembers } from "@/lib/members/list-members";
import type { Role } from "@/lib/generated/prisma/enums";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TBody, THead, Td, Th, Tr } from "@/components/ui/table";
import { listInvitations, type InvitationView } from "@/lib/invitations/list-invitations";
import { inviteMember } from "@/app/actions/invite-member";
import { revokeInvitation } from "@/app/actions/revoke-invitation";
import { issuePasswordReset } from "@/app/actions/issue-password-reset";
import { ResetLinkDialog } from "@/components/members/reset-link-dialog";
import { changeMemberRole } from "@/app/actions/change-member-role";
import { removeMember } from "@/app/actions/remove-member";
import { InviteMemberDialog } from "@/components/members/invite-member-dialog";
import { RevokeInvitationButton } from "@/components/members/invitation-controls";
import { MemberRoleMenu, RemoveMemberButton } from "@/components/members/member-controls";
import { formatDateTime } from "@/components/ui/format";
import { listCredentialsByCreator, type CreatedCredential } from "@/lib/members/list-created-credentials";
import { listOpenPasswordResets, type OpenPasswordReset } from "@/lib/password-resets/list-open-resets";
import { revokePasswordReset } from "@/app/actions/revoke-password-reset";
import { RevokeResetLinkButton } from "@/components/members/reset-link-controls";
import { UnavailableAction } from "@/components/members/unavailable-action";

import { isSteppedUp } from "@/lib/account/step-up";
import { hasSsoProvider } from "@/lib/sso/settings";
import { confirmIdentity } from "@/app/actions/confirm-identity";
import { confirmIdentityAtProvider } from "@/app/actions/confirm-identity-at-provider";
import { StepUpPanel } from "@/components/auth/step-up-panel";

export const metadata: Metadata = { title: "Members" };

type MemberView = Awaited<ReturnType<typeof listMembers>>[number];
type RoleOption = { value: Role; label: string; description: string };

export default async function MembersPage() {
  const member = await requireMember();
  const members = await listMembers(member.organizationId);
  const manage = can(member.role, "member:manage");
  const invitations = manage ? await listInvitations(member.organizationId) : [];
  // Offered for revocation with a member's role change or removal.
  const credentials = manage ? await listCredentialsByCreator(member.organizationId) : {};
  // Owners see every open reset link, whoever issued it.
  const resets = member.role === "OWNER" ? await listOpenPasswordResets(member.organizationId) : [];
  const assignable = ROLES.filter((r) => r !== "OWNER" || member.role === "OWNER");
  const roles = assignable.map((r) => ({ value: r, label: ROLE_LABELS[r], description: ROLE_DESCRIPTIONS[r] }));
  const owners = members.filter((m) => m.role === "OWNER").length;

  return (
    <div className="space-y-6">
      <PageHeader
        title="Members"
        description="People in your organization and what they may do. Owners, admins and operations engineers manage API clients; developers and visitors see them."
        actions={manage ? <InviteMemberDialog roles={roles} action={inviteMember} /> : null}
      />
      {member.role === "OWNER" && (
        <StepUpPanel
          until={isSteppedUp(member) ? (member.stepUpUntil ?? 0) : 0}
          what="making someone an owner or inviting one"
          confirmWithPassword={confirmIdentity}
          confirmAtProvider={(await hasSsoProvider(member.organizationId)) ? confirmIdentityAtProvider : undefined}
          returnTo="/members"
        />
      )}
      <Table>
        <THead>
          <Th>Member</Th>
          <Th>Role</Th>
          <Th>Since</Th>
          {manage && <Th><span className="sr-only">Actions</span></Th>}
        </THead>
        <TBody>
          {members.map((m) => (
            <MemberRow
              key={m.userId}
              member={m}
              self={m.userId === member.userId}
              manage={manage}
              editable={manage && (m.role !== "OWNER" || member.role === "OWNER")}
              onlyOwner={m.role === "OWNER" && owners === 1}
              roles={roles}
              credentials={credentials[m.userId]}
            />
          ))}
        </TBody>
      </Table>
      {manage && invitations.length > 0 && <InvitationsSection invitations={invitations} viewerRole={member.role} />}
      {resets.length > 0 && <ResetLinksSection resets={resets} />}
    </div>
  );
}

/**
 * One member. With `manage`, the actions column; with `editable` (a manager,
 * and an owner for an owner), the role menu, Reset password and Remove.
 */
function MemberRow({
  member: m,
  self,
  manage,
  editable,
  onlyOwner,
  roles,
  credentials,
}: {
  member: MemberView;
  self: boolean;
  manage: boolean;
  editable: boolean;
  /** The organization's one owner: not removable. */
  onlyOwner: boolean;
  roles: RoleOption[];
  credentials: CreatedCredential[] | undefined;
}) {
  return (
    <Tr>
      <Td wide className="min-w-0">
        <span className="font-medium text-slate-900 [overflow-wrap:anywhere]">{m.name}</span>
        {self && <span className="ml-2 text-xs text-slate-600">(you)</span>}
        <span className="block text-xs break-all text-slate-600">{m.email}</span>
      </Td>
      <Td label="Role">
        {editable ? (
          <MemberRoleMenu userId={m.userId} name={m.name} role={m.role} roles={roles} self={self} credentials={credentials} action={changeMemberRole} />
        ) : (
          <span className="text-slate-700">{ROLE_LABELS[m.role]}</span>
        )}
      </Td>
      <Td label="Since" className="text-slate-600">{formatDateTime(m.since)}</Td>
      {manage && (
        <Td wide className="text-right max-md:text-left">
          {editable && (
            <div className="flex flex-wrap justify-end gap-1 max-md:justify-start">
              {self ? (
                <UnavailableAction
                  label="Reset password"
                  ariaLabel={`Reset password for ${m.name}`}
                  reason={
                    <>
                      Change your own on{" "}
                      <Link href="/account" className="underline underline-offset-2 hover:text-slate-900">
                        Account
                      </Link>
                    </>
                  }
                />
              ) : (
                <ResetLinkDialog userId={m.userId} name={m.name} action={issuePasswordReset} />
              )}
              {onlyOwner ? (
                <UnavailableAction label="Remove" ariaLabel={`Remove ${m.name}`} reason="The only owner cannot be removed" />
              ) : (
                <RemoveMemberButton userId={m.userId} name={m.name} credentials={credentials} action={removeMember} />
              )}
            </div>
          )}
        </Td>
      )}
    </Tr>
  );
}

/** Invitations not yet accepted; an owner's invitation can be revoked by owners only. */
function InvitationsSection({ invitations, viewerRole }: { invitations: InvitationView[]; viewerRole: Role }) {
  return (
    <TableSection id="pending-invitations" title="Pending invitations" columns={["Email", "Role", "Invited by", "Expires"]}>
      {invitations.map((i) => (
        <Tr key={i.id}>
          <Td wide className="min-w-0">
            <span className="font-medium break-all text-slate-900">{i.email}</span>
          </Td>
          <Td label="Role" className="text-slate-700">{ROLE_LABELS[i.role]}</Td>
          <Td label="Invited by" className="break-all text-slate-600">{i.invitedByEmail}</Td>
          <Td label="Expires" className="text-slate-600">
            {i.expired ? (
              <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-700 ring-1 ring-slate-300">
                Expired {formatDateTime(i.expiresAt)}
              </span>
            ) : (
              formatDateTime(i.expiresAt)
            )}
          </Td>
          <Td wide className="text-right max-md:text-left">
            {(i.role !== "OWNER" || viewerRole === "OWNER") && (
              <RevokeInvitationButton invitationId={i.id} email={i.email} action={revokeInvitation} />
            )}
          </Td>
        </Tr>
      ))}
    </TableSection>
  );
}

/** Every open password-reset link (shown to owners). */
function ResetLinksSection({ resets }: { resets: OpenPasswordReset[] }) {
  return (
    <TableSection
      id="open-reset-links"
      title="Open password-reset links"
      intro={
        <>
          Links that can still set a member&apos;s password, whoever made them. Each works once; a member&apos;s role change or
          password change withdraws it.
        </>
      }
      columns={["For", "Created by", "Created", "Expires"]}
    >
      {resets.map((r) => (
        <Tr key={r.id}>
          <Td wide className="min-w-0">
            <span className="font-medium text-slate-900 [overflow-wrap:anywhere]">{r.forName}</span>
            <span className="block text-xs break-all text-slate-600">{r.forEmail}</span>
          </Td>
          <Td label="Created by" className="break-all text-slate-600">{r.issuedByEmail}</Td>
          <Td label="Created" className="text-slate-600">{formatDateTime(r.createdAt)}</Td>
          <Td label="Expires" className="text-slate-600">{formatDateTime(r.expiresAt)}</Td>
          <Td wide className="text-right max-md:text-left">
            <RevokeResetLinkButton resetId={r.id} name={r.forName} action={revokePasswordReset} />
          </Td>
        </Tr>
      ))}
    </TableSection>
  );
}

/** A titled section holding one table: its `columns`, then an actions column; `children` are its rows. */
function TableSection({ id, title, intro, columns, children }: { id: string; title: string; intro?: React.ReactNode; columns: string[]; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="space-y-3">
      <h2 id={id} className="text-lg font-semibold text-slate-900">
        {title}
      </h2>
      {intro && <p className="text-sm text-slate-600">{intro}</p>}
      <Table aria-labelledby={id}>
        <THead>
          {columns.map((c) => (
            <Th key={c}>{c}</Th>
          ))}
          <Th><span className="sr-only">Actions</span></Th>
        </THead>
        <TBody>{children}</TBody>
      </Table>
    </section>
  );
}
