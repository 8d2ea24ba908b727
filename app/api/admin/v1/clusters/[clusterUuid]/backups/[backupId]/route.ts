// DELETE /clusters/{clusterUuid}/backups/{backupId} - Administration API (lib/admin-api/operations)
import { adminRoute } from "@/lib/admin-api/route";

export const DELETE = adminRoute("DELETE", "/clusters/{clusterUuid}/backups/{backupId}");
