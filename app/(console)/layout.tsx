import { memberOrganizations, requireMember } from "@/lib/auth/session";
import { switchOrganization } from "@/app/actions/switch-organization";
import { signOut } from "@/app/actions/sign-out";
import { TopBar } from "@/components/console/top-bar";
import { consoleVersion } from "@/lib/version";

export default async function ConsoleLayout({ children }: { children: React.ReactNode }) {
  const member = await requireMember();
  const organizations = await memberOrganizations(member.userId);
  return (
    <div className="min-h-screen">
      <TopBar member={member} organizations={organizations} switchAction={switchOrganization} signOutAction={signOut} />
      <main className="mx-auto max-w-6xl px-4 py-6 sm:px-6 sm:py-8">{children}</main>
      <footer className="mx-auto max-w-6xl px-4 pb-6 text-xs text-slate-500 sm:px-6">
        Cluster Console <span data-testid="console-version">{consoleVersion()}</span>
      </footer>
    </div>
  );
}
