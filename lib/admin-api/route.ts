// Route handlers of the Administration API: each app/api/admin/v1 route file
// exports one of these per method, so the routes stay one line each and the
// operation list (operations/index.ts) stays the single source.
import "server-only";
import { operation } from "@/lib/admin-api/operations";
import { handleAdminRequest } from "@/lib/admin-api/handle-request";
import type { Operation } from "@/lib/admin-api/operation";

type RouteContext = { params: Promise<Record<string, string | string[]>> };

export function adminRoute(method: Operation["method"], path: string) {
  const op = operation(method, path);
  return async (req: Request, ctx: RouteContext) => handleAdminRequest(op, req, await ctx.params);
}
