import { ListSkeleton } from "@/components/ui/skeleton";

// Inside the cluster's layout (name and tabs stay): only the tab's content waits.
export default function Loading() {
  return <ListSkeleton rows={5} heading={false} />;
}
