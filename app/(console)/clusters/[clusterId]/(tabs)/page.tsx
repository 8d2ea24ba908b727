import type { Metadata } from "next";
import Link from "next/link";
import { loadCluster } from "../load-cluster";
import { can } from "@/lib/auth/roles";
import { config } from "@/lib/config";
import { clusterAddresses, type ClusterAddresses } from "@cluster-console/credentials";
import { Card } from "@/components/ui/page-header";
import { CopyButton } from "@/components/ui/copy-button";
import { deleteCluster } from "@/app/actions/delete-cluster";
import { DeleteClusterDialog } from "@/components/clusters/delete-cluster-dialog";
import { EditClusterAddressesDialog } from "@/components/clusters/edit-cluster-addresses-dialog";
import { updateClusterAddresses } from "@/app/actions/update-cluster-addresses";
import { formatDateTime } from "@/components/ui/format";
import { ConnectionSnippets } from "@/components/api-clients/connection-snippets";
import { CacheTokensExplainer } from "@/components/clusters/cache-tokens-explainer";
import { CLUSTER_SCOPES_FOR_SNIPPETS } from "@/lib/api-clients/connection-snippets";
import { rateLimitFigures } from "@/lib/api-clients/rate-limit-summary";
import { clusterUsage } from "@/lib/usage/cluster-usage";
import { ClusterUsageChart } from "@/components/usage/cluster-usage-chart";
import { listClients } from "@/lib/api-clients/list-clients";
import { ExpiringSecrets } from "@/components/clusters/expiring-secrets";
import { countLiveClients } from "@/lib/api-clients/count-live-clients";
import { clientCount } from "@/components/clusters/client-count";
import { EditIpAllowlistDialog, IpAllowlistList } from "@/components/clusters/ip-allowlist";
import { allowlistToText, storedAllowlist } from "@/lib/ip-allowlists/ip-allowlist";
import { updateClusterIpAllowlist } from "@/app/actions/update-ip-allowlist";

// "payments-eu · API clients · Cluster Console": the tab says which cluster.
export async function generateMetadata({ params }: { params: Promise<{ clusterId: string }> }): Promise<Metadata> {
  const { cluster } = await loadCluster(params);
  return { title: `${cluster.name} · Overview` };
}

type Cluster = Awaited<ReturnType<typeof loadCluster>>["cluster"];

export default async function ClusterOverviewPage({ params }: { params: Promise<{ clusterId: string }> }) {
  const { member, cluster } = await loadCluster(params);
  const now = new Date();
  const [usage, expiring, liveClients] = await Promise.all([
    clusterUsage(member.organizationId, cluster.id),
    listClients(member.organizationId, cluster.id, { query: { status: "expiring", sort: "name", dir: "asc" }, pageSize: 10, now }),
    can(member.role, "cluster:delete") ? countLiveClients(member.organizationId, cluster.id) : Promise.resolve(0),
  ]);
  const cfg = config();
  const a = clusterAddresses(cluster, cfg);
  const editable = can(member.role, "cluster:edit");
  return (
    <div className="space-y-6">
      <ExpiringSecrets clusterId={cluster.id} clients={expiring.clients} total={expiring.total} now={now} />
      <ConnectionCard cluster={cluster} addresses={a} clusterDomain={cfg.CLUSTER_DOMAIN} editable={editable} />
      <IpAllowlistCard cluster={cluster} editable={editable} />
      <OverviewCard title="Token usage" description="Access tokens issued per hour over the last 7 days (UTC), by client: the five busiest and the rest. Counts reach this chart within a few seconds." bodyClassName="px-5 py-4">
        <ClusterUsageChart usage={usage} since={cluster.createdAt} />
      </OverviewCard>
      <OverviewCard title="Connect your application" description="Ready-to-paste snippets. Replace the placeholders with an API client's ID and secret, or source the credentials file you downloaded when you created it." bodyClassName="space-y-4 px-5 py-4">
        <CacheTokensExplainer figures={rateLimitFigures(cfg)} />
        <ConnectionSnippets
          cluster={{ id: cluster.id, region: cluster.region }}
          addresses={a}
          scopes={CLUSTER_SCOPES_FOR_SNIPPETS}
        />
      </OverviewCard>
      {can(member.role, "cluster:delete") && <DeleteClusterCard cluster={cluster} liveClients={liveClients} />}
    </div>
  );
}

/** A card with a heading and its description above a body. */
function OverviewCard({ title, description, bodyClassName, children }: { title: string; description: string; bodyClassName: string; children: React.ReactNode }) {
  return (
    <Card>
      <div className="border-b border-slate-100 px-5 py-4">
        <h2 className="text-base font-semibold text-slate-900">{title}</h2>
        <p className="mt-0.5 text-sm text-slate-600">{description}</p>
      </div>
      <div className={bodyClassName}>{children}</div>
    </Card>
  );
}

/** A card's heading with its description, and the action beside them (an edit dialog, for those who may edit). */
function CardHeading({
  title,
  description,
  descriptionClassName = "mt-0.5 text-sm text-slate-600",
  action,
}: {
  title: string;
  description: React.ReactNode;
  descriptionClassName?: string;
  action: React.ReactNode;
}) {
  return (
    <div className="flex flex-wrap items-start justify-between gap-3">
      <div className="min-w-0">
        <h2 className="text-base font-semibold text-slate-900">{title}</h2>
        <p className={descriptionClassName}>{description}</p>
      </div>
      {action}
    </div>
  );
}

/** The addresses shown, each with a copy button: label and value. */
function connectionRows(cluster: Cluster, a: ClusterAddresses): [string, string][] {
  return [
    ["Cluster ID", cluster.id],
    ["Region", cluster.region],
    ["Zeebe address (gRPC)", a.registered ? a.grpcAddress : a.zeebeAddress],
    ["Zeebe REST address", a.restAddress],
    ...(a.registered
      ? ([
          ["Operate URL", a.operateUrl],
          ["Tasklist URL", a.tasklistUrl],
          ["Optimize URL", a.optimizeUrl],
        ].filter(([, v]) => v) as [string, string][])
      : []),
    ["OAuth URL", a.oauthUrl],
    ["Token audience", a.audience],
    ["Cluster-specific audience", a.clusterAudience],
  ];
}

function ConnectionCard({ cluster, addresses: a, clusterDomain, editable }: { cluster: Cluster; addresses: ClusterAddresses; clusterDomain: string; editable: boolean }) {
  return (
    <Card>
      <div className="border-b border-slate-100 px-5 py-4">
        <CardHeading
          title="Connection information"
          description={
            a.registered
              ? "Registered addresses: the cluster's own, as its owners entered them."
              : `Addresses derived from the region (${cluster.region}.zeebe.${clusterDomain}).`
          }
          action={
            editable && (
              <EditClusterAddressesDialog
                action={updateClusterAddresses}
                clusterId={cluster.id}
                defaults={{
                  grpcAddress: cluster.grpcAddress,
                  restAddress: cluster.restAddress,
                  operateUrl: cluster.operateUrl,
                  tasklistUrl: cluster.tasklistUrl,
                  optimizeUrl: cluster.optimizeUrl,
                }}
              />
            )
          }
        />
        <p className="mt-0.5 text-sm text-slate-600">
          Applications reach the cluster at these addresses with an access token from the OAuth URL. Create their
          credentials on the API tab.
        </p>
        <p className="mt-1 text-sm text-slate-600">
          Tokens for the shared token audience carry a <code className="font-mono text-xs">cluster_id</code> claim;
          tokens requested for the cluster-specific audience (or the cluster&apos;s own address) are issued to this
          cluster&apos;s clients only, so a gateway that requires it accepts no other cluster&apos;s tokens.{" "}
          <Link href="/docs/trust-tokens" className="font-medium text-sky-800 underline underline-offset-2 hover:text-sky-950">
            Trust these tokens
          </Link>
        </p>
      </div>
      <dl className="divide-y divide-slate-100">
        {connectionRows(cluster, a).map(([label, value]) => (
          <div key={label} className="grid grid-cols-1 gap-1 px-5 py-3 sm:grid-cols-[14rem_1fr] sm:items-center">
            <dt className="text-sm text-slate-500">{label}</dt>
            <dd className="flex min-w-0 items-center gap-3">
              <code className="min-w-0 font-mono text-sm break-all text-slate-800">{value}</code>
              <CopyButton value={value} label={label} className="ml-auto" />
            </dd>
          </div>
        ))}
        <div className="grid grid-cols-1 gap-1 px-5 py-3 sm:grid-cols-[14rem_1fr]">
          <dt className="text-sm text-slate-500">Created</dt>
          <dd className="text-sm text-slate-800">
            {formatDateTime(cluster.createdAt)} by {cluster.createdByEmail}
          </dd>
        </div>
      </dl>
    </Card>
  );
}

function IpAllowlistCard({ cluster, editable }: { cluster: Cluster; editable: boolean }) {
  const allowlist = storedAllowlist(cluster.ipAllowlist);
  return (
    <Card>
      <div className="border-b border-slate-100 px-5 py-4">
        <CardHeading
          title="IP allowlist"
          descriptionClassName="mt-0.5 max-w-3xl text-sm text-slate-600"
          description={
            <>
              The OAuth URL gives this cluster&apos;s clients tokens only when they ask from these addresses; any other
              request is refused and recorded in Activity. A client can have a narrower list of its own.{" "}
              <Link href="/docs/trust-tokens#ip-allowlists" className="font-medium text-sky-800 underline underline-offset-2 hover:text-sky-950">
                Enforce the list at your gateway too
              </Link>
              .
            </>
          }
          action={
            editable && (
              <EditIpAllowlistDialog
                title="Edit the IP allowlist"
                description={`Token requests for ${cluster.name}'s clients from any other address are refused. Empty: every address.`}
                hidden={{ clusterId: cluster.id }}
                text={allowlistToText(allowlist)}
                action={updateClusterIpAllowlist}
              />
            )
          }
        />
      </div>
      <div className="px-5 py-4">
        <IpAllowlistList entries={allowlist} empty="Every address is allowed." />
      </div>
    </Card>
  );
}

function DeleteClusterCard({ cluster, liveClients }: { cluster: Cluster; liveClients: number }) {
  return (
    <Card tone="danger">
      <div className="flex flex-wrap items-center justify-between gap-4 px-5 py-4">
        <div>
          <h2 className="text-base font-semibold text-slate-900">Delete cluster</h2>
          <p className="mt-0.5 text-sm text-slate-600">
            Removes the cluster from the console.{" "}
            {liveClients === 0 ? "It has no API clients." : `${clientCount(liveClients)} stop working at once.`}
          </p>
        </div>
        <DeleteClusterDialog clusterId={cluster.id} clusterName={cluster.name} liveClients={liveClients} action={deleteCluster} />
      </div>
    </Card>
  );
}
