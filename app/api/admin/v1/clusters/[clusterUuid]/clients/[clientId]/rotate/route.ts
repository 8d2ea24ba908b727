// POST /clusters/{clusterUuid}/clients/{clientId}/rotate - Administration API (lib/admin-api/operations)
import { adminRoute } from "@/lib/admin-api/route";

export const POST = adminRoute("POST", "/clusters/{clusterUuid}/clients/{clientId}/rotate");
