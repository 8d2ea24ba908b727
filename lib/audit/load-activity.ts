// What an Activity page shows, for the organization's page and a cluster's
// tab alike: the filters read from the URL (a bad value ignored and
// reported), one page of events, and the filters' choices. On a cluster's tab
// the tab is the cluster filter: a cluster in the URL is not that page's, and
// there is no cluster choice.
import "server-only";
import { parseActivityQuery } from "@/lib/audit/activity-query";
import { activityActors, activityClusters } from "@/lib/audit/filter-choices";
import { listEvents } from "@/lib/audit/list-events";

export async function loadActivity(organizationId: string, searchParams: Record<string, string | string[] | undefined>, clusterId?: string) {
  const { filter, before, invalid } = parseActivityQuery(clusterId ? { ...searchParams, cluster: undefined } : searchParams);
  const now = new Date();
  const [{ events, nextCursor }, actors, clusters] = await Promise.all([
    listEvents({ organizationId, clusterId, filter, before }),
    activityActors(organizationId),
    clusterId ? undefined : activityClusters(organizationId),
  ]);
  return { filter, invalid, events, nextCursor, before, now, actors, clusters };
}
