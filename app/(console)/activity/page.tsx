import type { Metadata } from "next";
import { requireMember } from "@/lib/auth/session";
import { loadActivity } from "@/lib/audit/load-activity";
import { ACTIVITY_EXPORT_LIMIT } from "@/lib/audit/export-events";
import { ActivityView } from "@/components/activity/activity-view";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Activity" };

export default async function ActivityPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const member = await requireMember();
  const activity = await loadActivity(member.organizationId, await searchParams);
  return (
    <div className="space-y-6">
      <PageHeader title="Activity" description="Every change in your organization, newest first." />
      <ActivityView base="/activity" exportFilter={activity.filter} exportLimit={ACTIVITY_EXPORT_LIMIT} {...activity} />
    </div>
  );
}
