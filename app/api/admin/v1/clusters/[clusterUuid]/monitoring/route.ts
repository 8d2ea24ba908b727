// POST DELETE /clusters/{clusterUuid}/monitoring - Administration API (lib/admin-api/operations)
import { adminRoute } from "@/lib/admin-api/route";

export const POST = adminRoute("POST", "/clusters/{clusterUuid}/monitoring");
export const DELETE = adminRoute("DELETE", "/clusters/{clusterUuid}/monitoring");
