// GET /activity/export.csv - the Activity page's filtered events as CSV
import { activityDownload } from "@/lib/audit/export-download";

export const GET = (req: Request) => activityDownload(req, "csv");
