// GET POST /clusters - Administration API (lib/admin-api/operations)
import { adminRoute } from "@/lib/admin-api/route";

export const GET = adminRoute("GET", "/clusters");
export const POST = adminRoute("POST", "/clusters");
