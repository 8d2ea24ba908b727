import { notFound } from "next/navigation";
import { requireMember } from "@/lib/auth/session";
import { getCluster } from "@/lib/clusters/get-cluster";

/** The member and their organization's cluster, or the 404 page. */
export async function loadCluster(params: Promise<{ clusterId: string }>) {
  const [member, { clusterId }] = await Promise.all([requireMember(), params]);
  const cluster = await getCluster(member.organizationId, clusterId);
  if (!cluster) notFound();
  return { member, cluster };
}
