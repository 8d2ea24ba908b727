// PUT /clusters/{clusterUuid}/wake - Administration API (lib/admin-api/operations)
import { adminRoute } from "@/lib/admin-api/route";

export const PUT = adminRoute("PUT", "/clusters/{clusterUuid}/wake");
