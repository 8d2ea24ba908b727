// GET /activity/export.json - the Activity page's filtered events as JSON
import { activityDownload } from "@/lib/audit/export-download";

export const GET = (req: Request) => activityDownload(req, "json");
