"use client";
// The cluster detail view's sections, one route each.
import { useMemo } from "react";
import { RouteTabs } from "@/components/ui/route-tabs";

export function ClusterTabs({ clusterId, children }: { clusterId: string; children: React.ReactNode }) {
  const tabs = useMemo(() => {
    const base = `/clusters/${clusterId}`;
    return [
      { value: "overview", label: "Overview", href: base },
      { value: "api", label: "API", href: `${base}/api` },
      { value: "secrets", label: "Connector secrets", href: `${base}/secrets` },
      { value: "activity", label: "Activity", href: `${base}/activity` },
    ];
  }, [clusterId]);
  return (
    <RouteTabs label="Cluster sections" tabs={tabs}>
      {children}
    </RouteTabs>
  );
}
