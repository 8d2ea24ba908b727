// The organization's single sign-on (OpenID Connect): the redirect URI to
// register, the provider and its rules (owners, after step-up), Test
// connection, and the owners' break-glass password sign-ins.
import type { Metadata } from "next";
import { requireMember } from "@/lib/auth/session";
import { can } from "@/lib/auth/roles";
import { isSteppedUp } from "@/lib/account/step-up";
import { db } from "@/lib/db/client";
import { getSsoSettings, ssoRedirectUri } from "@/lib/sso/settings";
import { saveSsoSettings } from "@/app/actions/save-sso-settings";
import { removeSsoSettings } from "@/app/actions/remove-sso-settings";
import { testSsoConnection } from "@/app/actions/test-sso-connection";
import { confirmIdentity } from "@/app/actions/confirm-identity";
import { confirmIdentityAtProvider } from "@/app/actions/confirm-identity-at-provider";
import { Card } from "@/components/ui/page-header";
import { CopyButton } from "@/components/ui/copy-button";
import { SsoSettingsForm } from "@/components/sso/sso-settings-form";
import { SsoTestConnection } from "@/components/sso/sso-test-connection";
import { SsoRemoveButton } from "@/components/sso/sso-remove-button";
import { StepUpPanel } from "@/components/auth/step-up-panel";
import { formatDateTime } from "@/components/ui/format";
import { ROLE_LABELS } from "@/lib/auth/roles";

export const metadata: Metadata = { title: "Single sign-on" };

type SsoSettings = NonNullable<Awaited<ReturnType<typeof getSsoSettings>>>;

export default async function SingleSignOnPage() {
  const member = await requireMember();
  const owner = can(member.role, "organization:settings");
  const settings = await getSsoSettings(member.organizationId);
  const breakGlass = owner
    ? await db().auditEvent.findMany({
        where: { organizationId: member.organizationId, action: "sso.break_glass_sign_in" },
        orderBy: { id: "desc" },
        take: 10,
        select: { id: true, actorName: true, actorEmail: true, createdAt: true },
      })
    : [];
  const steppedUp = isSteppedUp(member);
  return (
    <div className="space-y-6">
      <RedirectUriCard redirectUri={ssoRedirectUri()} />

      {owner ? (
        <Card className="space-y-5 p-5">
          <StepUpPanel
            until={steppedUp ? (member.stepUpUntil ?? 0) : 0}
            what="changing single sign-on"
            confirmWithPassword={confirmIdentity}
            confirmAtProvider={settings ? confirmIdentityAtProvider : undefined}
            returnTo="/organization/single-sign-on"
          />
          <SsoSettingsForm current={settings} action={saveSsoSettings} disabled={!steppedUp} />
        </Card>
      ) : (
        <SsoSummaryCard settings={settings} />
      )}

      {owner && settings && (
        <Card className="space-y-4 p-5">
          <h2 className="text-base font-semibold text-slate-900">Test connection</h2>
          <p className="max-w-2xl text-sm text-slate-600">Checks the saved settings: discovery, the signing keys, and the client ID and secret. Nothing is changed.</p>
          <SsoTestConnection action={testSsoConnection} />
        </Card>
      )}

      {owner && settings && <BreakGlassCard signIns={breakGlass} requireSso={settings.requireSso} />}

      {owner && settings && steppedUp && (
        <div>
          <SsoRemoveButton action={removeSsoSettings} />
        </div>
      )}
    </div>
  );
}

/** What single sign-on is, and the redirect URI to register at the provider. */
function RedirectUriCard({ redirectUri }: { redirectUri: string }) {
  return (
    <Card className="space-y-3 p-5">
      <h2 className="text-base font-semibold text-slate-900">Single sign-on</h2>
      <p className="max-w-2xl text-sm text-slate-600">
        Members sign in through your company&rsquo;s identity provider (Okta, Entra ID, Google, Keycloak, or any OpenID Connect provider). Register
        the console as a web application there, with this redirect URI, then enter the provider&rsquo;s details below. Step-by-step guides for each provider are in the console&rsquo;s documentation (docs/single-sign-on.md).
      </p>
      <div className="space-y-1.5">
        <p className="text-sm font-medium text-slate-800">Redirect URI</p>
        <div className="flex min-w-0 flex-wrap items-center gap-2">
          <code className="min-w-0 rounded bg-slate-100 px-2 py-1 font-mono text-sm break-all text-slate-900">{redirectUri}</code>
          <CopyButton value={redirectUri} label="Copy redirect URI" />
        </div>
        <p className="text-xs text-slate-500">Scopes: openid email profile. Grant: authorization code with PKCE.</p>
      </div>
    </Card>
  );
}

/** For members who are not owners: the settings in a sentence or two. */
function SsoSummaryCard({ settings }: { settings: SsoSettings | null }) {
  return (
    <Card className="space-y-2 p-5 text-sm text-slate-800">
      {settings ? (
        <>
          <p>
            Signs in through <strong className="break-all">{settings.issuer}</strong> for {settings.domains.join(", ")}; new members join as{" "}
            {ROLE_LABELS[settings.defaultRole]}.
          </p>
          <p>{settings.requireSso ? "Single sign-on is required: members cannot sign in with a password." : "Members may also sign in with a password."}</p>
        </>
      ) : (
        <p>Single sign-on is not set up.</p>
      )}
      <p className="text-xs text-slate-500">Only owners can change it.</p>
    </Card>
  );
}

/** The last owners' password sign-ins past single sign-on. */
function BreakGlassCard({
  signIns,
  requireSso,
}: {
  signIns: { id: bigint; actorName: string | null; actorEmail: string; createdAt: Date }[];
  requireSso: boolean;
}) {
  return (
    <Card className="space-y-3 p-5">
      <h2 className="text-base font-semibold text-slate-900">Break-glass sign-ins</h2>
      <p className="max-w-2xl text-sm text-slate-600">
        Owners signing in with their password{requireSso ? " although single sign-on is required" : " while single sign-on is required"}. The last 10:
      </p>
      {signIns.length ? (
        <ul className="space-y-1 text-sm text-slate-800">
          {signIns.map((e) => (
            <li key={String(e.id)} className="break-words">
              {e.actorName ?? e.actorEmail} <span className="text-slate-500">({e.actorEmail})</span>, {formatDateTime(e.createdAt)}
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-slate-700">None.</p>
      )}
    </Card>
  );
}
