// GET POST /webhooks - Administration API (lib/admin-api/operations)
import { adminRoute } from "@/lib/admin-api/route";

export const GET = adminRoute("GET", "/webhooks");
export const POST = adminRoute("POST", "/webhooks");
