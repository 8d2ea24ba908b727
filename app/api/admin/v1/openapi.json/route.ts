// GET /api/admin/v1/openapi.json - the Administration API's OpenAPI 3.1 document (public, no token).
import { openApiDocument } from "@/lib/admin-api/openapi";
import { adminApiBase } from "@/lib/admin-api/cluster-view";

export function GET() {
  return Response.json(openApiDocument(adminApiBase()), { headers: { "Cache-Control": "public, max-age=300" } });
}
