// DELETE /webhooks/{webhookId} - Administration API (lib/admin-api/operations)
import { adminRoute } from "@/lib/admin-api/route";

export const DELETE = adminRoute("DELETE", "/webhooks/{webhookId}");
