import Link from "next/link";
import { loadCluster } from "./load-cluster";
import { ClusterTabs } from "@/components/clusters/cluster-tabs";

export default async function ClusterLayout({
  children,
  params,
}: {
  children: React.ReactNode;
  params: Promise<{ clusterId: string }>;
}) {
  const { cluster } = await loadCluster(params);
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
          <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{cluster.name}</h1>
          <span className="rounded-full bg-slate-100 px-2.5 py-0.5 text-xs font-medium text-slate-700">{cluster.region}</span>
        </div>
      </div>
      <ClusterTabs clusterId={cluster.id}>{children}</ClusterTabs>
    </div>
  );
}
