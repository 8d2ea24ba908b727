// GET PATCH DELETE /clusters/{clusterUuid}/clients/{clientId} - Administration API (lib/admin-api/operations)
import { adminRoute } from "@/lib/admin-api/route";

export const GET = adminRoute("GET", "/clusters/{clusterUuid}/clients/{clientId}");
export const PATCH = adminRoute("PATCH", "/clusters/{clusterUuid}/clients/{clientId}");
export const DELETE = adminRoute("DELETE", "/clusters/{clusterUuid}/clients/{clientId}");
