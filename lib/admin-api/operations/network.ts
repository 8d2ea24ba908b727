// IP allowlists (Camunda's current and older paths) and the console's egress ranges.
import "server-only";
import { config } from "@/lib/config";
import { updateClusterIpAllowlist } from "@/lib/ip-allowlists/update-ip-allowlist";
import { defineOperation } from "@/lib/admin-api/operation";
import * as s from "@/lib/admin-api/schemas";

const ALLOWLIST_NOTE =
  "Replaces the cluster's IP allowlist. The console's token endpoint then refuses token requests from the cluster's clients " +
  "from any other address (invalid_client, recorded in Activity); an empty list allows every address. The address is the " +
  "request's source, or the X-Forwarded-For entry TRUST_PROXY_HOPS proxies in. Enforce it at your gateway too (Trust these tokens).";

export const networkOperations = [
  defineOperation({
    operationId: "UpdateIpAllowlist",
    method: "PUT",
    path: "/clusters/{clusterUuid}/ipallowlist",
    summary: "Set a cluster's IP allowlist",
    description: ALLOWLIST_NOTE,
    permission: "CLUSTERS_UPDATE",
    params: s.clusterUuidParam,
    body: s.ipAllowlistBody,
    fieldNames: { entries: "ipallowlist" },
    response: { status: 204, description: "Saved (or nothing to change)." },
    run: async ({ principal, params, body }) => {
      await updateClusterIpAllowlist(principal, { clusterId: params.clusterUuid, entries: body.ipallowlist });
    },
  }),
  defineOperation({
    operationId: "UpdateIpWhitelist",
    method: "PUT",
    path: "/clusters/{clusterUuid}/ipwhitelist",
    summary: "Set a cluster's IP allowlist (older path)",
    description: `The SDK's whitelistIPs: the same as PUT /clusters/{clusterUuid}/ipallowlist, with the body field ipwhitelist. ${ALLOWLIST_NOTE}`,
    permission: "CLUSTERS_UPDATE",
    params: s.clusterUuidParam,
    body: s.ipWhitelistBody,
    fieldNames: { entries: "ipwhitelist" },
    response: { status: 204, description: "Saved (or nothing to change)." },
    run: async ({ principal, params, body }) => {
      await updateClusterIpAllowlist(principal, { clusterId: params.clusterUuid, entries: body.ipwhitelist });
    },
  }),
  defineOperation({
    operationId: "GetMeta",
    method: "GET",
    path: "/meta/ip-ranges",
    summary: "The address ranges the console's outgoing calls come from",
    description: "Configured with EGRESS_IP_RANGES; empty by default.",
    permission: "CLUSTERS_GET",
    response: { status: 200, schema: s.ipRanges, description: "Egress ranges." },
    run: async () => ({ console: config().EGRESS_IP_RANGES, "web-modeler": [] }),
  }),
];
