// GET POST /clusters/{clusterUuid}/backups - Administration API (lib/admin-api/operations)
import { adminRoute } from "@/lib/admin-api/route";

export const GET = adminRoute("GET", "/clusters/{clusterUuid}/backups");
export const POST = adminRoute("POST", "/clusters/{clusterUuid}/backups");
