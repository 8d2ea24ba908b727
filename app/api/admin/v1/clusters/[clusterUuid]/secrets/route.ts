// GET POST /clusters/{clusterUuid}/secrets - Administration API (lib/admin-api/operations)
import { adminRoute } from "@/lib/admin-api/route";

export const GET = adminRoute("GET", "/clusters/{clusterUuid}/secrets");
export const POST = adminRoute("POST", "/clusters/{clusterUuid}/secrets");
