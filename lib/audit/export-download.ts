// The Activity page's downloads (GET /activity/export.csv and .json): the
// signed-in member's session, the activity:view permission from the one
// table, the page's own filters read strictly (a bad value is a 400 naming
// it, never a wider export than asked for), the export gate (one export at
// a time per member, a budget per member: a 429 with Retry-After), then the
// shared export, streamed.
import "server-only";
import { currentMember } from "@/lib/auth/session";
import { can } from "@/lib/auth/roles";
import { RetryLater } from "@/lib/errors";
import { parseActivityQuery } from "@/lib/audit/activity-query";
import { ACTIVITY_EXPORT_LIMIT } from "@/lib/audit/export-events";
import { startExport } from "@/lib/audit/export-stream";

const text = (status: number, body: string, headers: Record<string, string> = {}) =>
  new Response(`${body}\n`, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", ...headers } });

export async function activityDownload(req: Request, format: "csv" | "json"): Promise<Response> {
  const member = await currentMember();
  if (!member) return text(401, "Sign in to export the activity.");
  if (!can(member.role, "activity:view")) return text(403, "Your role cannot view the activity.");
  const { filter, invalid } = parseActivityQuery(new URL(req.url).searchParams);
  if (invalid.length) return text(400, `Invalid filter: ${invalid.map((i) => i.message).join(" ")}`);
  const exported = await startExport(`user:${member.userId}`, member.organizationId, filter, format).catch((err: unknown) => {
    if (err instanceof RetryLater) return err;
    throw err;
  });
  if (exported instanceof RetryLater) return text(429, exported.message, { "Retry-After": String(exported.retryAfterSeconds) });
  const day = new Date().toISOString().slice(0, 10);
  return new Response(exported.body, {
    status: 200,
    headers: {
      "Content-Type": format === "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="activity-${day}.${format}"`,
      "Cache-Control": "no-store",
      "X-Activity-Truncated": String(exported.truncated),
      "X-Activity-Limit": String(ACTIVITY_EXPORT_LIMIT),
    },
  });
}
