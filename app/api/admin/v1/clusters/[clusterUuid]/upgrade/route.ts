// PUT /clusters/{clusterUuid}/upgrade - Administration API (lib/admin-api/operations)
import { adminRoute } from "@/lib/admin-api/route";

export const PUT = adminRoute("PUT", "/clusters/{clusterUuid}/upgrade");
