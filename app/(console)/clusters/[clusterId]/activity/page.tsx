import type { Metadata } from "next";
import { loadCluster } from "../load-cluster";
import { listEvents } from "@/lib/audit/list-events";
import { parseActivityQuery } from "@/lib/audit/activity-query";
import { activityActors } from "@/lib/audit/filter-choices";
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
  // The tab is the cluster filter: a cluster in the URL is not this page's.
  const { filter: parsed, before, invalid } = parseActivityQuery({ ...sp, cluster: undefined });
  const filter = { ...parsed };
  const now = new Date();
  const [{ events, nextCursor }, actors] = await Promise.all([
    listEvents({ organizationId: member.organizationId, clusterId: cluster.id, filter, before }),
    activityActors(member.organizationId),
  ]);
  return (
    <ActivityView
      base={`/clusters/${cluster.id}/activity`}
      filter={filter}
      exportFilter={{ ...filter, cluster: cluster.id }}
      invalid={invalid}
      events={events}
      nextCursor={nextCursor}
      before={before}
      now={now}
      actors={actors}
      exportLimit={ACTIVITY_EXPORT_LIMIT}
    />
  );
}
