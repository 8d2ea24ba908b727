// GET POST /clusters/{clusterUuid}/clients - Administration API (lib/admin-api/operations)
import { adminRoute } from "@/lib/admin-api/route";

export const GET = adminRoute("GET", "/clusters/{clusterUuid}/clients");
export const POST = adminRoute("POST", "/clusters/{clusterUuid}/clients");
