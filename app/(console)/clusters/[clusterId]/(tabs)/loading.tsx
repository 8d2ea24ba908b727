import { ListSkeleton } from "@/components/ui/skeleton";

// Inside the cluster's layout (name and tabs stay): only the tab's content waits.
// In the (tabs) group so that it does not wrap a client's page (api/[clientId]):
// that page decides "not found" before anything is sent, so another
// organization's client is a real 404, not a 200 that streams a not-found page.
export default function Loading() {
  return <ListSkeleton rows={5} heading={false} />;
}
