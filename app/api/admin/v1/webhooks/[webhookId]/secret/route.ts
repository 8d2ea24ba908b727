// POST /webhooks/{webhookId}/secret - Administration API (lib/admin-api/operations)
import { adminRoute } from "@/lib/admin-api/route";

export const POST = adminRoute("POST", "/webhooks/{webhookId}/secret");
