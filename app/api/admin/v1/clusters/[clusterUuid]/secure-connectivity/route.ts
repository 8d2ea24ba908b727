// GET POST DELETE /clusters/{clusterUuid}/secure-connectivity - Administration API (lib/admin-api/operations)
import { adminRoute } from "@/lib/admin-api/route";

export const GET = adminRoute("GET", "/clusters/{clusterUuid}/secure-connectivity");
export const POST = adminRoute("POST", "/clusters/{clusterUuid}/secure-connectivity");
export const DELETE = adminRoute("DELETE", "/clusters/{clusterUuid}/secure-connectivity");
