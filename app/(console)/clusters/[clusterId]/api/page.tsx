import type { Metadata } from "next";
import { loadCluster } from "../load-cluster";
import { EmptyState } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "API clients" };

export default async function ClusterApiPage({ params }: { params: Promise<{ clusterId: string }> }) {
  await loadCluster(params);
  return (
    <EmptyState title="No API clients yet">
      Applications authenticate to this cluster with an API client: a client ID and secret they exchange for a
      short-lived access token at the OAuth URL.
    </EmptyState>
  );
}
