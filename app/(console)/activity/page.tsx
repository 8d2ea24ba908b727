import type { Metadata } from "next";
import { requireMember } from "@/lib/auth/session";
import { listEvents } from "@/lib/audit/list-events";
import { parseActivityQuery } from "@/lib/audit/activity-query";
import { activityActors, activityClusters } from "@/lib/audit/filter-choices";
import { ACTIVITY_EXPORT_LIMIT } from "@/lib/audit/export-events";
import { ActivityView } from "@/components/activity/activity-view";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Activity" };

export default async function ActivityPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const member = await requireMember();
  const { filter, before, invalid } = parseActivityQuery(await searchParams);
  const now = new Date();
  const [{ events, nextCursor }, actors, clusters] = await Promise.all([
    listEvents({ organizationId: member.organizationId, filter, before }),
    activityActors(member.organizationId),
    activityClusters(member.organizationId),
  ]);
  return (
    <div className="space-y-6">
      <PageHeader title="Activity" description="Every change in your organization, newest first." />
      <ActivityView
        base="/activity"
        filter={filter}
        exportFilter={filter}
        invalid={invalid}
        events={events}
        nextCursor={nextCursor}
        before={before}
        now={now}
        actors={actors}
        clusters={clusters}
        exportLimit={ACTIVITY_EXPORT_LIMIT}
      />
    </div>
  );
}
