// GET PATCH DELETE /clusters/{clusterUuid} - Administration API (lib/admin-api/operations)
import { adminRoute } from "@/lib/admin-api/route";

export const GET = adminRoute("GET", "/clusters/{clusterUuid}");
export const PATCH = adminRoute("PATCH", "/clusters/{clusterUuid}");
export const DELETE = adminRoute("DELETE", "/clusters/{clusterUuid}");
