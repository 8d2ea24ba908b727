import type { Metadata } from "next";
import Link from "next/link";
import { requireMember } from "@/lib/auth/session";
import { can } from "@/lib/auth/roles";
import { config } from "@/lib/config";
import { listClusters } from "@/lib/clusters/list-clusters";
import { EmptyState, PageHeader } from "@/components/ui/page-header";
import { Table, TBody, THead, Td, Th, Tr } from "@/components/ui/table";
import { createCluster } from "@/app/actions/create-cluster";
import { CreateClusterDialog } from "@/components/clusters/create-cluster-dialog";
import { formatDateTime } from "@/components/ui/format";
import { FlashToast } from "@/components/ui/flash-toast";
import { flashMessage } from "@/app/flash-messages";
import { Suspense } from "react";

export const metadata: Metadata = { title: "Clusters" };

export default async function ClustersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const member = await requireMember();
  const notice = flashMessage((await searchParams).done, member);
  const clusters = await listClusters(member.organizationId);
  const create = can(member.role, "cluster:create") ? <CreateClusterDialog regions={config().CLUSTER_REGIONS} action={createCluster} /> : null;

  return (
    <div className="space-y-6">
      <Suspense>
        <FlashToast message={notice} />
      </Suspense>
      <PageHeader title="Clusters" description="Zeebe clusters of your organization and who can reach them." actions={create} />
      {clusters.length === 0 ? (
        <EmptyState title="No clusters yet" action={create}>
          A cluster is where your processes run. Create one, then give your applications access to it from its API tab.
        </EmptyState>
      ) : (
        <Table>
          <THead>
            <Th>Name</Th>
            <Th>Region</Th>
            <Th>Cluster ID</Th>
            <Th>Created</Th>
          </THead>
          <TBody>
            {clusters.map((c) => (
              <Tr key={c.id} className="md:hover:bg-slate-50">
                <Td label="Name" wide className="font-medium [overflow-wrap:anywhere]">
                  <Link href={`/clusters/${c.id}`} className="text-slate-900 hover:text-brand-600 hover:underline">
                    {c.name}
                  </Link>
                  {c.description && (
                    <span className="mt-0.5 line-clamp-2 block text-xs font-normal whitespace-pre-line text-slate-600" title={c.description}>
                      {c.description}
                    </span>
                  )}
                </Td>
                <Td label="Region" className="text-slate-700">{c.region}</Td>
                <Td label="Cluster ID" wide className="font-mono text-xs break-all text-slate-600 max-md:order-last">{c.id}</Td>
                <Td label="Created" className="text-slate-600">
                  <span className="md:whitespace-nowrap">{formatDateTime(c.createdAt)}</span>
                  <span className="block truncate text-xs text-slate-500" title={c.createdByEmail}>by {c.createdByEmail}</span>
                </Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
    </div>
  );
}
