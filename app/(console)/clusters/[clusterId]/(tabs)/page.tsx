import type { Metadata } from "next";
import Link from "next/link";
import { loadCluster } from "../load-cluster";
import { can } from "@/lib/auth/roles";
import { config } from "@/lib/config";
import { clusterAddresses } from "@cluster-console/credentials";
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
  const allowlist = storedAllowlist(cluster.ipAllowlist);
  const rows: [string, string][] = [
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
  return (
    <div className="space-y-6">
      <ExpiringSecrets clusterId={cluster.id} clients={expiring.clients} total={expiring.total} now={now} />
      <Card>
        <div className="border-b border-slate-100 px-5 py-4">
          <div className="flex flex-wrap items-start justify-between gap-3">
            <div className="min-w-0">
              <h2 className="text-base font-semibold text-slate-900">Connection information</h2>
              <p className="mt-0.5 text-sm text-slate-600">
                {a.registered
                  ? "Registered addresses: the cluster's own, as its owners entered them."
                  : `Addresses derived from the region (${cluster.region}.zeebe.${cfg.CLUSTER_DOMAIN}).`}
              </p>
            </div>
            {can(member.role, "cluster:edit") && (
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
            )}
          </div>
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
          {rows.map(([label, value]) => (
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
      <Card>
        <div className="border-b border-slate-100 px-5 py-4">
          <div className="flex flex-wrap items-start justify-between gap-3">
            <div className="min-w-0">
              <h2 className="text-base font-semibold text-slate-900">IP allowlist</h2>
              <p className="mt-0.5 max-w-3xl text-sm text-slate-600">
                The OAuth URL gives this cluster&apos;s clients tokens only when they ask from these addresses; any other
                request is refused and recorded in Activity. A client can have a narrower list of its own.{" "}
                <Link href="/docs/trust-tokens#ip-allowlists" className="font-medium text-sky-800 underline underline-offset-2 hover:text-sky-950">
                  Enforce the list at your gateway too
                </Link>
                .
              </p>
            </div>
            {can(member.role, "cluster:edit") && (
              <EditIpAllowlistDialog
                title="Edit the IP allowlist"
                description={`Token requests for ${cluster.name}'s clients from any other address are refused. Empty: every address.`}
                hidden={{ clusterId: cluster.id }}
                text={allowlistToText(allowlist)}
                action={updateClusterIpAllowlist}
              />
            )}
          </div>
        </div>
        <div className="px-5 py-4">
          <IpAllowlistList entries={allowlist} empty="Every address is allowed." />
        </div>
      </Card>
      <Card>
        <div className="border-b border-slate-100 px-5 py-4">
          <h2 className="text-base font-semibold text-slate-900">Token usage</h2>
          <p className="mt-0.5 text-sm text-slate-600">
            Access tokens issued per hour over the last 7 days (UTC), by client: the five busiest and the rest.
            Counts reach this chart within a few seconds.
          </p>
        </div>
        <div className="px-5 py-4">
          <ClusterUsageChart usage={usage} since={cluster.createdAt} />
        </div>
      </Card>
      <Card>
        <div className="border-b border-slate-100 px-5 py-4">
          <h2 className="text-base font-semibold text-slate-900">Connect your application</h2>
          <p className="mt-0.5 text-sm text-slate-600">
            Ready-to-paste snippets. Replace the placeholders with an API client&apos;s ID and secret, or source the
            credentials file you downloaded when you created it.
          </p>
        </div>
        <div className="space-y-4 px-5 py-4">
          <CacheTokensExplainer figures={rateLimitFigures(cfg)} />
          <ConnectionSnippets
            cluster={{ id: cluster.id, region: cluster.region }}
            addresses={a}
            scopes={CLUSTER_SCOPES_FOR_SNIPPETS}
          />
        </div>
      </Card>
      {can(member.role, "cluster:delete") && (
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
      )}
    </div>
  );
}
