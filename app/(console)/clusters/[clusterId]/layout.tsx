import Link from "next/link";
import { loadCluster } from "./load-cluster";
import { ClusterTabs } from "@/components/clusters/cluster-tabs";
import { can } from "@/lib/auth/roles";
import { EditClusterDialog } from "@/components/clusters/edit-cluster-dialog";
import { updateCluster } from "@/app/actions/update-cluster";

export default async function ClusterLayout({
  children,
  params,
}: {
  children: React.ReactNode;
  params: Promise<{ clusterId: string }>;
}) {
  const { member, cluster } = await loadCluster(params);
  return (
    <div className="space-y-6">
      <div>
        <nav aria-label="Breadcrumb" className="text-sm text-slate-500">
          <Link href="/clusters" className="hover:text-slate-800 hover:underline">
            Clusters
          </Link>
          <span aria-hidden="true" className="mx-2 text-slate-300">/</span>
          <span className="text-slate-700">{cluster.name}</span>
        </nav>
        <div className="mt-2 flex flex-wrap items-center gap-3">
          <h1 className="min-w-0 text-2xl font-semibold tracking-tight [overflow-wrap:anywhere] text-slate-900">{cluster.name}</h1>
          <span className="rounded-full bg-slate-100 px-2.5 py-0.5 text-xs font-medium text-slate-700">{cluster.region}</span>
          {can(member.role, "cluster:edit") && (
            <div className="ml-auto">
              <EditClusterDialog cluster={{ id: cluster.id, name: cluster.name, description: cluster.description }} action={updateCluster} />
            </div>
          )}
        </div>
        {cluster.description && (
          <p className="mt-1 max-w-3xl text-sm whitespace-pre-line [overflow-wrap:anywhere] text-slate-600">{cluster.description}</p>
        )}
      </div>
      <ClusterTabs clusterId={cluster.id}>{children}</ClusterTabs>
    </div>
  );
}
