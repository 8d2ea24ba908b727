// PUT /clusters/{clusterUuid}/ipwhitelist - Administration API (lib/admin-api/operations)
import { adminRoute } from "@/lib/admin-api/route";

export const PUT = adminRoute("PUT", "/clusters/{clusterUuid}/ipwhitelist");
