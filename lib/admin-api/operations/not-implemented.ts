// Camunda's operations that need a running cluster: this console registers
// clusters and issues their credentials but does not run them, so there is
// no backup to take, no monitoring to switch on, no private link, nothing to
// wake or upgrade. Each answers 501 Not Implemented with an RFC 9457 problem
// saying why (after the token, rate-limit and permission checks), and the OpenAPI document lists them that way: never a 404
// ("no such operation") and never a 500.
import "server-only";
import { defineOperation, type Operation } from "@/lib/admin-api/operation";
import * as s from "@/lib/admin-api/schemas";
import { z } from "zod";

const WHY = "This console registers clusters and issues their credentials; it does not run them";

function notImplemented(
  operationId: string,
  method: Operation["method"],
  path: string,
  summary: string,
  what: string,
  params: z.ZodType = s.clusterUuidParam,
): Operation {
  return defineOperation({
    operationId,
    method,
    path,
    summary: `${summary} (not available)`,
    permission: method === "GET" ? "CLUSTERS_GET" : "CLUSTERS_UPDATE",
    params,
    response: { status: 501, description: `${WHY}, so it has ${what}. Do this where the cluster runs.` },
    run: async () => undefined,
  });
}

const monitoringClient = s.clusterUuidParam.extend({ clientUuid: z.string().max(200) });
const backup = s.clusterUuidParam.extend({ backupId: z.string().max(200) });

export const notImplementedOperations = [
  notImplemented("UpgradeCluster", "PUT", "/clusters/{clusterUuid}/upgrade", "Upgrade a cluster", "no generation to upgrade"),
  notImplemented("Wake", "PUT", "/clusters/{clusterUuid}/wake", "Resume a suspended cluster", "no cluster to suspend or wake"),
  notImplemented("GetSecureConnectivityStatus", "GET", "/clusters/{clusterUuid}/secure-connectivity", "Secure connectivity status", "no private connectivity to report"),
  notImplemented("ActivateSecureConnectivity", "POST", "/clusters/{clusterUuid}/secure-connectivity", "Activate secure connectivity", "no private endpoint to open"),
  notImplemented("DeactivateSecureConnectivity", "DELETE", "/clusters/{clusterUuid}/secure-connectivity", "Deactivate secure connectivity", "no private endpoint to close"),
  notImplemented("ActivateMonitoring", "POST", "/clusters/{clusterUuid}/monitoring", "Activate external monitoring", "no metrics endpoint to open"),
  notImplemented("DeactivateMonitoring", "DELETE", "/clusters/{clusterUuid}/monitoring", "Deactivate external monitoring", "no metrics endpoint to close"),
  notImplemented("GetMonitoringClients", "GET", "/clusters/{clusterUuid}/monitoring/clients", "List monitoring clients", "no monitoring clients"),
  notImplemented("CreateMonitoringClient", "POST", "/clusters/{clusterUuid}/monitoring/clients", "Create a monitoring client", "no metrics endpoint to create a client for"),
  notImplemented(
    "RotateMonitoringClientPassword",
    "POST",
    "/clusters/{clusterUuid}/monitoring/clients/{clientUuid}/rotate",
    "Rotate a monitoring client's password",
    "no monitoring clients",
    monitoringClient,
  ),
  notImplemented("DeleteMonitoringClient", "DELETE", "/clusters/{clusterUuid}/monitoring/clients/{clientUuid}", "Delete a monitoring client", "no monitoring clients", monitoringClient),
  notImplemented("GetBackups", "GET", "/clusters/{clusterUuid}/backups", "List a cluster's backups", "no backups"),
  notImplemented("CreateBackup", "POST", "/clusters/{clusterUuid}/backups", "Back up a cluster", "no data to back up"),
  notImplemented("DeleteBackup", "DELETE", "/clusters/{clusterUuid}/backups/{backupId}", "Delete a backup", "no backups", backup),
];
