import { ListSkeleton } from "@/components/ui/skeleton";

// In the (list) group so that it does not wrap /clusters/[clusterId]: a
// boundary above the cluster's layout would stream a 200 before that layout
// could answer 404 for another organization's cluster.
export default function Loading() {
  return <ListSkeleton rows={4} />;
}
