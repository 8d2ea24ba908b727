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

/** Camunda's two paths set the same allowlist; they differ only in the body's field name. */
function setAllowlist(op: {
  operationId: string;
  path: string;
  summary: string;
  description: string;
  body: typeof s.ipAllowlistBody | typeof s.ipWhitelistBody;
  field: "ipallowlist" | "ipwhitelist";
}) {
  return defineOperation({
    operationId: op.operationId,
    method: "PUT",
    path: op.path,
    summary: op.summary,
    description: op.description,
    permission: "CLUSTERS_UPDATE",
    params: s.clusterUuidParam,
    body: op.body,
    fieldNames: { entries: op.field },
    response: { status: 204, description: "Saved (or nothing to change)." },
    run: async ({ principal, params, body }) => {
      const entries = "ipallowlist" in body ? body.ipallowlist : body.ipwhitelist;
      await updateClusterIpAllowlist(principal, { clusterId: params.clusterUuid, entries });
    },
  });
}

export const networkOperations = [
  setAllowlist({
    operationId: "UpdateIpAllowlist",
    path: "/clusters/{clusterUuid}/ipallowlist",
    summary: "Set a cluster's IP allowlist",
    description: ALLOWLIST_NOTE,
    body: s.ipAllowlistBody,
    field: "ipallowlist",
  }),
  setAllowlist({
    operationId: "UpdateIpWhitelist",
    path: "/clusters/{clusterUuid}/ipwhitelist",
    summary: "Set a cluster's IP allowlist (older path)",
    description: `The SDK's whitelistIPs: the same as PUT /clusters/{clusterUuid}/ipallowlist, with the body field ipwhitelist. ${ALLOWLIST_NOTE}`,
    body: s.ipWhitelistBody,
    field: "ipwhitelist",
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
