import type { Metadata } from "next";
import { requireMember } from "@/lib/auth/session";
import { listEvents } from "@/lib/audit/list-events";
import { ActivityList } from "@/components/activity/activity-list";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Activity" };

export default async function ActivityPage({ searchParams }: { searchParams: Promise<{ before?: string | string[] }> }) {
  const member = await requireMember();
  const { before } = await searchParams;
  const cursor = typeof before === "string" ? before : undefined;
  const { events, nextCursor } = await listEvents({ organizationId: member.organizationId, before: cursor });
  return (
    <div className="space-y-6">
      <PageHeader title="Activity" description="Every change in your organization, newest first." />
      <ActivityList
        events={events}
        nextHref={nextCursor ? `/activity?before=${nextCursor}` : null}
        firstHref={cursor ? "/activity" : null}
        showCluster
      />
    </div>
  );
}
