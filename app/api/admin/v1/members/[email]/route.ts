// POST DELETE /members/{email} - Administration API (lib/admin-api/operations)
import { adminRoute } from "@/lib/admin-api/route";

export const POST = adminRoute("POST", "/members/{email}");
export const DELETE = adminRoute("DELETE", "/members/{email}");
