import type { Metadata } from "next";
import { loadCluster } from "../load-cluster";
import { listEvents } from "@/lib/audit/list-events";
import { ActivityList } from "@/components/activity/activity-list";

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
  searchParams: Promise<{ before?: string | string[] }>;
}) {
  const { member, cluster } = await loadCluster(params);
  const { before } = await searchParams;
  const cursor = typeof before === "string" ? before : undefined;
  const { events, nextCursor } = await listEvents({
    organizationId: member.organizationId,
    clusterId: cluster.id,
    before: cursor,
  });
  const base = `/clusters/${cluster.id}/activity`;
  return (
    <ActivityList
      events={events}
      nextHref={nextCursor ? `${base}?before=${nextCursor}` : null}
      firstHref={cursor ? base : null}
    />
  );
}
