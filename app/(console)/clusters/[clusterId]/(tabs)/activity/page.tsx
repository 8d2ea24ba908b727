import type { Metadata } from "next";
import { loadCluster } from "../../load-cluster";
import { loadActivity } from "@/lib/audit/load-activity";
import { ACTIVITY_EXPORT_LIMIT } from "@/lib/audit/export-events";
import { ActivityView } from "@/components/activity/activity-view";

// "payments-eu · API clients · Cluster Console": the tab says which cluster.
export async function generateMetadata({ params }: { params: Promise<{ clusterId: string }> }): Promise<Metadata> {
  const { cluster } = await loadCluster(params);
  return { title: `${cluster.name} · Activity` };
}

export default async function ClusterActivityPage({
  params,
  searchParams,
}: {
  params: Promise<{ clusterId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [{ member, cluster }, sp] = await Promise.all([loadCluster(params), searchParams]);
  // The tab is the cluster filter (loadActivity ignores a cluster in the URL); the exports name it.
  const activity = await loadActivity(member.organizationId, sp, cluster.id);
  return (
    <ActivityView
      base={`/clusters/${cluster.id}/activity`}
      exportFilter={{ ...activity.filter, cluster: cluster.id }}
      exportLimit={ACTIVITY_EXPORT_LIMIT}
      {...activity}
    />
  );
}
