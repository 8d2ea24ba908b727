// The Administration API tab: organization-level credentials for automation
// (CI, Terraform, scripts). No secret is ever rendered here; a new one exists
// only in the create/rotate action's response and the dialog that shows it.
import type { Metadata } from "next";
import Link from "next/link";
import { requireMember } from "@/lib/auth/session";
import { can } from "@/lib/auth/roles";
import { config } from "@/lib/config";
import { adminApiBaseUrl } from "@cluster-console/credentials";
import { listAdminClients } from "@/lib/api-clients/list-admin-clients";
import { getMaxSecretAge } from "@/lib/organizations/set-max-secret-age";
import { createAdminClient } from "@/app/actions/create-admin-client";
import { rotateAdminClientSecret } from "@/app/actions/rotate-admin-client-secret";
import { revokeAdminClient } from "@/app/actions/revoke-admin-client";
import { endAdminClientGracePeriod } from "@/app/actions/end-admin-client-grace-period";
import { Card, EmptyState } from "@/components/ui/page-header";
import { CopyButton } from "@/components/ui/copy-button";
import { AdminClientsTable } from "@/components/admin-clients/admin-clients-table";
import { CreateAdminClientDialog } from "@/components/admin-clients/create-admin-client-dialog";
import type { AdminApiEndpoints } from "@/components/admin-clients/types";
import { isSteppedUp } from "@/lib/account/step-up";
import { hasSsoProvider } from "@/lib/sso/settings";
import { confirmIdentity } from "@/app/actions/confirm-identity";
import { confirmIdentityAtProvider } from "@/app/actions/confirm-identity-at-provider";
import { StepUpPanel } from "@/components/auth/step-up-panel";

export const metadata: Metadata = { title: "Administration API" };

function Endpoint({ label, value }: { label: string; value: string }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs font-medium tracking-wide text-slate-500 uppercase">{label}</dt>
      <dd className="mt-1 flex items-center gap-2">
        <code className="min-w-0 truncate font-mono text-[13px] text-slate-800" title={value}>{value}</code>
        <CopyButton value={value} label={label} className="shrink-0 px-1.5 py-0.5 text-[11px]" />
      </dd>
    </div>
  );
}

export default async function AdministrationApiPage() {
  const member = await requireMember();
  const [clients, maxSecretAgeDays] = await Promise.all([listAdminClients(member.organizationId), getMaxSecretAge(member.organizationId)]);
  const manage = can(member.role, "admin_client:manage");
  const cfg = config();
  const endpoints: AdminApiEndpoints = { baseUrl: adminApiBaseUrl(cfg.PUBLIC_URL), oauthUrl: `${cfg.PUBLIC_URL}/oauth/token` };

  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h2 className="text-lg font-semibold text-slate-900">Administration API</h2>
          <p className="mt-0.5 max-w-2xl text-sm text-slate-600">
            Credentials for automation (CI pipelines, Terraform, scripts) to manage clusters, their API clients, members and
            activity from code. They reach every cluster of this organization.
            {!manage && " Owners and admins can create, rotate and revoke them."}
          </p>
        </div>
        {manage && <CreateAdminClientDialog endpoints={endpoints} createAction={createAdminClient} maxSecretAgeDays={maxSecretAgeDays} />}
      </div>
      {manage && (
        <StepUpPanel
          until={isSteppedUp(member) ? (member.stepUpUntil ?? 0) : 0}
          what="creating or rotating credentials"
          confirmWithPassword={confirmIdentity}
          confirmAtProvider={(await hasSsoProvider(member.organizationId)) ? confirmIdentityAtProvider : undefined}
          returnTo="/organization/administration-api"
        />
      )}
      <Card className="px-5 py-4">
        <dl className="grid gap-4 sm:grid-cols-2">
          <Endpoint label="Base URL" value={endpoints.baseUrl} />
          <Endpoint label="OAuth URL" value={endpoints.oauthUrl} />
        </dl>
        <p className="mt-3 text-xs text-slate-500">
          Paths and shapes follow Camunda&apos;s Administration API, so the Camunda SDK&apos;s admin client works with the
          downloaded credentials file. Tokens: client credentials grant at the OAuth URL, audience{" "}
          <code className="font-mono">{endpoints.baseUrl}</code> (or <code className="font-mono">api.cloud.camunda.io</code>).{" "}
          <Link href="/docs/admin-api" className="font-medium text-brand-700 hover:underline">API reference</Link>
          {" · "}
          <a href={`${endpoints.baseUrl}/openapi.json`} className="font-medium text-brand-700 hover:underline">OpenAPI document</a>
        </p>
      </Card>
      {clients.length === 0 ? (
        <EmptyState title="No Administration API credentials yet">
          Create credentials for each tool or pipeline that manages this organization, with only the permissions it needs,
          so you can rotate or revoke each on its own.
        </EmptyState>
      ) : (
        <AdminClientsTable
          clients={clients}
          endpoints={endpoints}
          actions={manage ? { rotateAction: rotateAdminClientSecret, revokeAction: revokeAdminClient, endGraceAction: endAdminClientGracePeriod } : undefined}
        />
      )}
    </div>
  );
}
