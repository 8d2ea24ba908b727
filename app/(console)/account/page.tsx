// The signed-in user's own account: who they are, their display name, and
// their password (changing it signs out every other session).
import type { Metadata } from "next";
import { requireMember } from "@/lib/auth/session";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { changePassword } from "@/app/actions/change-password";
import { renameAccount } from "@/app/actions/rename-account";
import { Card, PageHeader } from "@/components/ui/page-header";
import { AccountNameForm } from "@/components/account/account-name-form";
import { ChangePasswordForm } from "@/components/account/change-password-form";

export const metadata: Metadata = { title: "Account" };

export default async function AccountPage() {
  const member = await requireMember();
  return (
    <div className="max-w-2xl space-y-6">
      <PageHeader title="Account" description="Your name and password. They apply in every organization you belong to." />
      <Card className="space-y-5 p-5">
        <h2 className="text-base font-semibold text-slate-900">Profile</h2>
        <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-[auto_1fr]">
          <dt className="text-slate-600">Email</dt>
          <dd className="min-w-0 font-medium break-all text-slate-900">{member.email}</dd>
          <dt className="text-slate-600">Organization</dt>
          <dd className="min-w-0 text-slate-900 [overflow-wrap:anywhere]">
            {member.organizationName} <span className="text-slate-600">· {ROLE_LABELS[member.role]}</span>
          </dd>
        </dl>
        <AccountNameForm name={member.name} action={renameAccount} />
      </Card>
      <Card className="space-y-4 p-5">
        <div className="space-y-1">
          <h2 className="text-base font-semibold text-slate-900">Change password</h2>
          <p className="text-sm text-slate-600">
            Changing it signs you out everywhere else: other browsers and devices must sign in with the new password.
          </p>
        </div>
        <ChangePasswordForm email={member.email} action={changePassword} />
      </Card>
    </div>
  );
}
