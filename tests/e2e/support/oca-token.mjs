// Runs inside a shell that has `source`d a downloaded credentials file: the
// 8.8 clients, configured from the environment alone, build their auth
// headers. @camunda8/orchestration-cluster-api leaves auth off unless the
// CAMUNDA_CLIENT_* names are set; @camunda8/sdk's 8.8 client translates its
// own ZEEBE_* configuration. Prints both headers and the effective config.
import { createCamundaClient } from "@camunda8/orchestration-cluster-api";
import { Camunda8 } from "@camunda8/sdk";

const oca = createCamundaClient();
const sdk = new Camunda8().getOrchestrationClusterApiClient();
const ocaHeaders = await oca.getAuthHeaders();
const sdkHeaders = await sdk.getAuthHeaders();
console.log(
  JSON.stringify({
    oca: ocaHeaders.Authorization ?? null,
    sdk: sdkHeaders.Authorization ?? null,
    ocaStrategy: oca.getConfig().auth.strategy,
    ocaRestAddress: oca.getConfig().restAddress,
  }),
);
