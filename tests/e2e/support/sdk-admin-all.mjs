// Runs inside a shell that has `source`d a downloaded Administration API
// credentials file (every permission): the official Camunda SDK's admin
// client, configured from the environment alone, calls every AdminApiClient
// method once. For each it prints what came back, or the problem it was
// refused with ({ error: status, title, detail }); the test judges them.
import { Camunda8 } from "@camunda8/sdk";

const [clusterUuid, email] = process.argv.slice(2);
const admin = new Camunda8().getAdminApiClient();
const results = {};

async function call(name, fn) {
  try {
    const value = await fn();
    results[name] = { ok: true, value: value === undefined ? null : value };
    return value;
  } catch (e) {
    results[name] = { ok: false, error: e.statusCode ?? e.response?.statusCode ?? String(e), title: e.title, detail: e.detail, type: e.type };
    return undefined;
  }
}

// Clusters
await call("getClusters", () => admin.getClusters());
const params = await call("getParameters", () => admin.getParameters());
const made = await call("createCluster", () =>
  admin.createCluster({
    name: "made-by-every-method",
    planTypeId: params.clusterPlanTypes[0].uuid,
    channelId: params.channels[0].uuid,
    generationId: params.channels[0].defaultGeneration.uuid,
    regionId: params.regions[0].uuid,
  }),
);
await call("getCluster", () => admin.getCluster(made.clusterId));
await call("updateCluster", () => admin.updateCluster(made.clusterId, { name: "renamed-by-every-method", description: "from the SDK" }));
await call("getClusterAfterUpdate", () => admin.getCluster(made.clusterId));
// API clients
const client = await call("createClient", () => admin.createClient({ clusterUuid, clientName: "every-method-client", permissions: ["Zeebe"] }));
await call("getClients", () => admin.getClients(clusterUuid));
await call("getClient", () => admin.getClient(clusterUuid, client.clientId));
await call("deleteClient", () => admin.deleteClient(clusterUuid, client.clientId));
// Connector secrets: created, listed, updated, deleted and gone
await call("getSecretsBefore", () => admin.getSecrets(clusterUuid));
await call("createSecret", () => admin.createSecret({ clusterUuid, secretName: "SDK_SECRET", secretValue: "sdk-value-1" }));
await call("getSecrets", () => admin.getSecrets(clusterUuid));
await call("updateSecret", () => admin.updateSecret(clusterUuid, "SDK_SECRET", "sdk-value-2"));
await call("deleteSecret", () => admin.deleteSecret(clusterUuid, "SDK_SECRET"));
await call("getSecretsAfter", () => admin.getSecrets(clusterUuid));
// IP allowlists (the older name first; the newer one replaces it)
await call("whitelistIPs", () => admin.whitelistIPs(clusterUuid, [{ ip: "198.51.100.0/24", description: "from whitelistIPs" }]));
await call("updateIpAllowlist", () => admin.updateIpAllowlist(clusterUuid, [{ ip: "203.0.113.7", description: "from updateIpAllowlist" }]));
// Members: invite, listed as pending, withdraw
await call("createMember", () => admin.createMember(email, ["developer"]));
await call("getUsers", () => admin.getUsers());
await call("deleteMember", () => admin.deleteMember(email));
await call("getUsersAfter", () => admin.getUsers());
await call("getIpRanges", () => admin.getIpRanges());
// What needs a running cluster: the documented 501
await call("upgradeCluster", () => admin.upgradeCluster(clusterUuid));
await call("wakeCluster", () => admin.wakeCluster(clusterUuid));
await call("activateSecureConnectivity", () => admin.activateSecureConnectivity(clusterUuid, { allowedPrincipals: ["arn:aws:iam::1:root"], regions: ["us-east-1"] }));
await call("getSecureConnectivityStatus", () => admin.getSecureConnectivityStatus(clusterUuid));
await call("deactivateSecureConnectivity", () => admin.deactivateSecureConnectivity(clusterUuid));
await call("activateMonitoring", () => admin.activateMonitoring(clusterUuid));
await call("getMonitoringClients", () => admin.getMonitoringClients(clusterUuid));
await call("createMonitoringClient", () => admin.createMonitoringClient(clusterUuid, "grafana"));
await call("rotateMonitoringClientPassword", () => admin.rotateMonitoringClientPassword(clusterUuid, "m-1"));
await call("deleteMonitoringClient", () => admin.deleteMonitoringClient(clusterUuid, "m-1"));
await call("deactivateMonitoring", () => admin.deactivateMonitoring(clusterUuid));
await call("getBackups", () => admin.getBackups(clusterUuid));
await call("createBackup", () => admin.createBackup(clusterUuid));
await call("deleteBackup", () => admin.deleteBackup(clusterUuid, "b-1"));
// Activity, then the cluster made above goes
await call("getActivityEvents", () => admin.getActivityEvents());
await call("getActivityEventsCsv", () => admin.getActivityEventsCsv());
await call("deleteCluster", () => admin.deleteCluster(made.clusterId));

console.log(JSON.stringify(results));
