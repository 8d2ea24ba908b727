// /leaks: report a secret of the organization found where it should not be,
// with the same policy as a secret scanner's report (lib/leaks). Only the
// organization's own secrets are found: another organization's secret is a
// false positive, like any string that is not a working secret.
import "server-only";
import { defineOperation } from "@/lib/admin-api/operation";
import { reportLeakedSecret } from "@/lib/leaks/report-by-member";
import * as s from "@/lib/admin-api/schemas";

export const leakOperations = [
  defineOperation({
    operationId: "ReportLeakedSecret",
    method: "POST",
    path: "/leaks",
    summary: "Report a leaked client secret",
    description:
      "Not in Camunda's API. If the secret is a working secret of this organization, the organization's leak policy applies within the request: " +
      "revoke it at once (the default), or keep it working and alert. Either way the leak is recorded in Activity " +
      "(client.secret_leaked) and the client's page shows it until the client is rotated. The secret is never kept or echoed.",
    permission: "CLIENTS_ROTATE",
    body: s.reportLeakBody,
    response: { status: 200, schema: s.leakReported, description: "What the secret was, and what was done." },
    run: async ({ principal, body }) => {
      const r = await reportLeakedSecret(principal, { secret: body.secret, url: body.url });
      if (!r.live) return { label: "false_positive", revoked: false, clientId: null, clusterUuid: null };
      return { label: "true_positive", revoked: r.revoked, clientId: r.clientId, clusterUuid: r.clusterId };
    },
  }),
];
