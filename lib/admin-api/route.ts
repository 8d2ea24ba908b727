// Route handlers of the Administration API: each app/api/admin/v1 route file
// exports one of these per method, so the routes stay one line each and the
// operation list (operations/index.ts) stays the single source.
import "server-only";
import { operation } from "@/lib/admin-api/operations";
import { handleAdminRequest } from "@/lib/admin-api/handle-request";
import type { Operation } from "@/lib/admin-api/operation";
import { inSpan } from "@/lib/ops/tracing";

type RouteContext = { params: Promise<Record<string, string | string[]>> };

export function adminRoute(method: Operation["method"], path: string) {
  const op = operation(method, path);
  // One span per operation (a no-op unless traces are on, lib/ops/tracing.ts).
  return async (req: Request, ctx: RouteContext) =>
    inSpan(`admin_api ${op.operationId}`, { "admin_api.operation": op.operationId }, async (span) => {
      const res = await handleAdminRequest(op, req, await ctx.params);
      span.setAttribute("http.response.status_code", res.status);
      return res;
    });
}
