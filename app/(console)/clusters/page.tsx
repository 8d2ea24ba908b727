import type { Metadata } from "next";
import Link from "next/link";
import { requireMember } from "@/lib/auth/session";
import { can } from "@/lib/auth/roles";
import { config } from "@/lib/config";
import { listClusters } from "@/lib/clusters/list-clusters";
import { Card, EmptyState, PageHeader } from "@/components/ui/page-header";
import { createCluster } from "@/app/actions/create-cluster";
import { CreateClusterDialog } from "@/components/clusters/create-cluster-dialog";
import { formatDateTime } from "@/components/ui/format";

export const metadata: Metadata = { title: "Clusters" };

export default async function ClustersPage() {
  const member = await requireMember();
  const clusters = await listClusters(member.organizationId);
  const create = can(member.role, "cluster:create") ? <CreateClusterDialog regions={config().CLUSTER_REGIONS} action={createCluster} /> : null;

  return (
    <div className="space-y-6">
      <PageHeader title="Clusters" description="Zeebe clusters of your organization and who can reach them." actions={create} />
      {clusters.length === 0 ? (
        <EmptyState title="No clusters yet" action={create}>
          A cluster is where your processes run. Create one, then give your applications access to it from its API tab.
        </EmptyState>
      ) : (
        <Card className="overflow-hidden">
          <table className="w-full text-left text-sm">
            <thead className="bg-slate-50 text-xs font-medium tracking-wide text-slate-500 uppercase">
              <tr>
                <th scope="col" className="px-4 py-3">Name</th>
                <th scope="col" className="px-4 py-3">Region</th>
                <th scope="col" className="px-4 py-3">Cluster ID</th>
                <th scope="col" className="px-4 py-3">Created</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {clusters.map((c) => (
                <tr key={c.id} className="hover:bg-slate-50">
                  <td className="px-4 py-3 font-medium">
                    <Link href={`/clusters/${c.id}`} className="text-slate-900 hover:text-brand-600 hover:underline">
                      {c.name}
                    </Link>
                  </td>
                  <td className="px-4 py-3 text-slate-700">{c.region}</td>
                  <td className="px-4 py-3 font-mono text-xs text-slate-600">{c.id}</td>
                  <td className="px-4 py-3 text-slate-600">
                    {formatDateTime(c.createdAt)}
                    <span className="block text-xs text-slate-400">by {c.createdByEmail}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
      )}
    </div>
  );
}
