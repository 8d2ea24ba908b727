// GET /meta/ip-ranges - Administration API (lib/admin-api/operations)
import { adminRoute } from "@/lib/admin-api/route";

export const GET = adminRoute("GET", "/meta/ip-ranges");
