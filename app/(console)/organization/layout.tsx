// The organization page: settings that apply to every cluster of it.
import { requireMember } from "@/lib/auth/session";
import { PageHeader } from "@/components/ui/page-header";
import { OrganizationTabs } from "@/components/organization/organization-tabs";

export default async function OrganizationLayout({ children }: { children: React.ReactNode }) {
  const member = await requireMember();
  return (
    <div className="space-y-6">
      <PageHeader title={<span className="break-words">{member.organizationName}</span>} description="Organization settings that apply to all of its clusters." />
      <OrganizationTabs>{children}</OrganizationTabs>
    </div>
  );
}
