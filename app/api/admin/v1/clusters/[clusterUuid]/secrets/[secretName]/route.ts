// PUT DELETE /clusters/{clusterUuid}/secrets/{secretName} - Administration API (lib/admin-api/operations)
import { adminRoute } from "@/lib/admin-api/route";

export const PUT = adminRoute("PUT", "/clusters/{clusterUuid}/secrets/{secretName}");
export const DELETE = adminRoute("DELETE", "/clusters/{clusterUuid}/secrets/{secretName}");
