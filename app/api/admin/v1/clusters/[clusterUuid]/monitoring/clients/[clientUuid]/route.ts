// DELETE /clusters/{clusterUuid}/monitoring/clients/{clientUuid} - Administration API (lib/admin-api/operations)
import { adminRoute } from "@/lib/admin-api/route";

export const DELETE = adminRoute("DELETE", "/clusters/{clusterUuid}/monitoring/clients/{clientUuid}");
