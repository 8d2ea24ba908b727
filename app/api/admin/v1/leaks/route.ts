// POST /leaks - Administration API (lib/admin-api/operations)
import { adminRoute } from "@/lib/admin-api/route";

export const POST = adminRoute("POST", "/leaks");
