// POST /clusters/{clusterUuid}/monitoring/clients/{clientUuid}/rotate - Administration API (lib/admin-api/operations)
import { adminRoute } from "@/lib/admin-api/route";

export const POST = adminRoute("POST", "/clusters/{clusterUuid}/monitoring/clients/{clientUuid}/rotate");
